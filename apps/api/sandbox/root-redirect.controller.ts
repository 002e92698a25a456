import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SWAGGER_UI_PATH } from '../swagger';

/** `/` in a browser leads to the sandbox rather than a JSON 404. */
@ApiExcludeController()
@Controller()
export class RootRedirectController {
  @Get()
  @Redirect(`/${SWAGGER_UI_PATH}`, 302)
  toSandbox(): void {}
}
