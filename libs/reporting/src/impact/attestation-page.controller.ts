import { Controller, Get, Header, Param } from '@nestjs/common';
import { Public } from '@app/auth';
import { attestationPage } from './attestation-page.html';
import { AttestationRegistry } from './attestation-registry.service';

/** The page an attestation's QR code opens: GET /verifier/<code>, for anyone, in French. */
export const VERIFICATION_PATH = 'verifier';

@Public()
@Controller(VERIFICATION_PATH)
export class AttestationPageController {
  constructor(private readonly registry: AttestationRegistry) {}

  @Get(':code')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
  @Header('x-content-type-options', 'nosniff')
  @Header('cache-control', 'no-store')
  async page(@Param('code') code: string): Promise<string> {
    return attestationPage(code, await this.registry.verify(code.slice(0, 64)));
  }
}
