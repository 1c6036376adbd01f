import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';

/**
 * class-validator on what callers send (GraphQL arguments, HTTP bodies and queries), and on
 * nothing else. Nest hands every resolver parameter to the global pipes, the `@Parent()` object
 * of a field resolver too (type 'root'): validating and re-instantiating our own entities there
 * is pointless work on every field of every row (a list of 150 stock levels with their
 * refurbisher cost 4–5 ms) and could strip their properties.
 */
export class InputValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    if ((metadata.type as string) === 'root') return false;
    return super.toValidate(metadata);
  }
}
