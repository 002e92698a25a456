import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { OperatorKeyEntity } from '../operators/operator-key.entity';
import { OperatorKeyEventRow, OperatorKeysService } from '../operators/operator-keys.service';
import { AdminApi, CurrentOperator, Operator } from '@provisio/admin';
import {
  CreatedOperatorKeyDto, CreateOperatorKeyDto, CurrentOperatorDto, OperatorKeyDto, OperatorKeyEventDto, OperatorKeyEventPageDto,
  OperatorKeyEventsQueryDto,
} from './operator-key.dto';

@AdminApi('Admin: operator keys')
@Controller('admin/v1')
export class OperatorKeysAdminController {
  constructor(private readonly keys: OperatorKeysService) {}

  @Get('me')
  @ApiOperation({ summary: 'Who the presented key is and its role (the console hides writes from auditors with it)' })
  @ApiOkResponse({ type: CurrentOperatorDto })
  me(@CurrentOperator() operator: Operator): CurrentOperatorDto {
    if (operator.via === 'admin-token') return { role: 'admin', via: 'admin-token' };
    return { role: operator.role, via: operator.via, keyId: operator.keyId, keyName: operator.keyName, keyPrefix: operator.keyPrefix };
  }

  @Post('operator-keys')
  @ApiOperation({ summary: 'Create an operator key with a role; the secret is returned only in this response' })
  @ApiCreatedResponse({ type: CreatedOperatorKeyDto })
  async create(@Body() body: CreateOperatorKeyDto): Promise<CreatedOperatorKeyDto> {
    const { entity, key } = await this.keys.create(body.name, body.role);
    return { ...toOperatorKeyDto(entity), key };
  }

  @Get('operator-keys')
  @ApiOperation({ summary: 'List operator keys (prefixes, roles, last use; never secrets)' })
  @ApiOkResponse({ type: [OperatorKeyDto] })
  async list(): Promise<OperatorKeyDto[]> {
    return (await this.keys.list()).map(toOperatorKeyDto);
  }

  @Get('operator-keys/events')
  @ApiOperation({ summary: 'Who created and revoked which operator key, newest first' })
  @ApiOkResponse({ type: OperatorKeyEventPageDto })
  async events(@Query() query: OperatorKeyEventsQueryDto): Promise<OperatorKeyEventPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.keys.events(limit + 1, query.cursor);
    const items = rows.slice(0, limit).map(toOperatorKeyEventDto);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  @Delete('operator-keys/:keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an operator key; it stops working at once' })
  @ApiNoContentResponse()
  async revoke(@Param('keyId') keyId: string): Promise<void> {
    await this.keys.revoke(keyId);
  }
}

function toOperatorKeyDto(key: OperatorKeyEntity): OperatorKeyDto {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

function toOperatorKeyEventDto(row: OperatorKeyEventRow): OperatorKeyEventDto {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    action: row.action,
    keyId: row.key_id,
    keyName: row.key_name,
    keyPrefix: row.key_prefix,
    role: row.role,
    actor: row.actor as Record<string, unknown>,
    requestId: row.request_id,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
  };
}
