import { ArgumentMetadata, Injectable, PipeTransform, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { BadInputError } from '../errors/domain-error';
import { ErrorReason } from '../errors/error-reason';
import { RefusedField, refusedFields } from './validation-fields';

function messages(error: ValidationError, path: string): string[] {
  const here = `${path}.${error.property}`;
  return [...Object.values(error.constraints ?? {}).map((m) => `${here}: ${m}`), ...(error.children ?? []).flatMap((c) => messages(c, here))];
}

/**
 * Validates each element of a list argument (`@Args('x', { type: () => [X] })`) as the global
 * ValidationPipe validates an input object. That pipe sees only `Array` as the parameter's type
 * and lets the list through unchecked: without this, `setRefurbisherCapacity` took -5.
 */
@Injectable()
export class EachItemValidationPipe<T extends object> implements PipeTransform<unknown, Promise<T[] | null | undefined>> {
  constructor(
    private readonly itemType: Type<T>,
    private readonly maxItems: number,
  ) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<T[] | null | undefined> {
    const name = metadata.data ?? 'list';
    if (value === null || value === undefined) return value;
    if (!Array.isArray(value)) throw new BadInputError(`${name} must be a list`, { field: name });
    if (value.length > this.maxItems) {
      throw new BadInputError(
        `${name} has at most ${this.maxItems} elements: send ${value.length - this.maxItems} fewer, or split the list`,
        { field: name, max: this.maxItems, given: value.length },
        ErrorReason.LIST_TOO_LONG,
      );
    }
    const items = value.map((item: unknown) => plainToInstance(this.itemType, item));
    const problems: string[] = [];
    const fields: RefusedField[] = [];
    for (let i = 0; i < items.length; i++) {
      const errors = await validate(items[i]!, { whitelist: true, forbidNonWhitelisted: true });
      problems.push(...errors.flatMap((e) => messages(e, `${name}[${i}]`)));
      fields.push(...refusedFields(errors, `${name}.${i}`));
    }
    if (problems.length) throw new BadInputError(problems.join('; '), { field: name, fields });
    return items;
  }
}
