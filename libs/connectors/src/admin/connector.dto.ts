import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { CONNECTOR_TYPES, ConnectorType } from '../connectors/connector.entity';
import { LDAP_PRESETS, LdapPreset } from '../ldap/ldap-settings';

/** A bearer token goes into an HTTP header: visible ASCII only, so it cannot smuggle a header of its own. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;
const TOKEN_MESSAGE = 'token must be 1 to 4096 visible ASCII characters (no spaces or line breaks)';

const isScim = (o: { type?: string }) => o.type === 'scim';

export class LdapDeactivationDto {
  @ApiProperty({ example: 'employeeType' }) @IsString() @Length(1, 200) attribute: string;
  @ApiProperty({ example: 'disabled' }) @IsString() @Length(1, 1024) value: string;
}

/** The LDAP fields (docs/connectors.md "LDAP"), optional here: a create checks they are all there. */
export class LdapFieldsDto {
  @ApiPropertyOptional({ example: 'ldaps://ldap.example.com', description: 'ldap: ldap:// or ldaps:// URL (scheme, host, port)' })
  @IsOptional() @IsString() @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ example: 'cn=provisio,ou=services,dc=example,dc=org', description: 'ldap: DN to bind as' })
  @IsOptional() @IsString() @Length(1, 1024)
  bindDn?: string;

  @ApiPropertyOptional({ description: 'ldap: bind password; stored encrypted, never returned' })
  @IsOptional() @IsString() @Length(1, 1024)
  bindPassword?: string;

  @ApiPropertyOptional({ example: 'ou=people,dc=example,dc=org', description: 'ldap: where users are created (and looked up, subtree)' })
  @IsOptional() @IsString() @Length(1, 1024)
  usersDn?: string;

  @ApiPropertyOptional({ example: 'ou=groups,dc=example,dc=org', description: 'ldap: where groups are created (and looked up, subtree)' })
  @IsOptional() @IsString() @Length(1, 1024)
  groupsDn?: string;

  @ApiPropertyOptional({ enum: LDAP_PRESETS, description: 'ldap: openldap (inetOrgPerson, groupOfNames, ppolicy) or active-directory' })
  @IsOptional() @IsIn(LDAP_PRESETS)
  preset?: LdapPreset;

  @ApiPropertyOptional({ example: { employeeType: 'userType', telephoneNumber: null }, description: 'ldap: LDAP attribute → SCIM path (null drops it), over the preset' })
  @IsOptional() @IsObject()
  mapping?: Record<string, string | null>;

  @ApiPropertyOptional({ description: 'ldap: StartTLS on an ldap:// URL before binding', default: false })
  @IsOptional() @IsBoolean()
  startTls?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'ldap: PEM CA certificate(s) to trust for TLS instead of the system store' })
  @IsOptional() @IsString() @MaxLength(65536)
  caCertificate?: string | null;

  @ApiPropertyOptional({ type: LdapDeactivationDto, nullable: true, description: 'ldap, openldap preset: mark deactivated users with this attribute instead of ppolicy' })
  @IsOptional() @ValidateNested() @Type(() => LdapDeactivationDto)
  deactivation?: LdapDeactivationDto | null;
}

export class CreateConnectorDto extends LdapFieldsDto {
  @ApiProperty({ enum: CONNECTOR_TYPES, example: 'scim', description: 'scim: push to another SCIM 2.0 service provider; ldap: write into an LDAP directory' })
  @IsIn(CONNECTOR_TYPES)
  type: ConnectorType;

  @ApiPropertyOptional({ example: 'https://idp.example.com/scim/v2', description: 'scim: the store’s SCIM base URL (…/Users and …/Groups below it)' })
  @ValidateIf(isScim) @IsString() @MaxLength(2048)
  baseUrl?: string;

  @ApiPropertyOptional({ example: 'c2NpbS10b2tlbi1vZi10aGUtc3RvcmU', description: 'scim: bearer token for the store; stored encrypted, never returned' })
  @ValidateIf(isScim) @IsString() @Length(1, 4096, { message: TOKEN_MESSAGE }) @Matches(TOKEN_PATTERN, { message: TOKEN_MESSAGE })
  token?: string;

  @ApiPropertyOptional({ example: 'Staging directory' })
  @IsOptional() @IsString() @Length(0, 200)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class UpdateConnectorDto extends LdapFieldsDto {
  @ApiPropertyOptional({ example: 'https://idp.example.com/scim/v2' })
  @IsOptional() @IsString() @MaxLength(2048)
  baseUrl?: string;

  @ApiPropertyOptional({ description: 'A new bearer token (rotation); never returned' })
  @IsOptional() @IsString() @Length(1, 4096, { message: TOKEN_MESSAGE }) @Matches(TOKEN_PATTERN, { message: TOKEN_MESSAGE })
  token?: string;

  @ApiPropertyOptional({ example: 'Staging directory' })
  @IsOptional() @IsString() @Length(0, 200)
  description?: string;

  @ApiPropertyOptional({ description: 'false stops syncing (events meanwhile are not applied; resync after re-enabling)' })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class ConnectorSyncDto {
  @ApiProperty({ nullable: true, type: String }) lastSuccessAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastFailureAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'POST /Users answered 400: userName is required' }) lastError: string | null;
  @ApiProperty({ description: 'Syncs waiting for their first attempt or a retry' }) pending: number;
  @ApiProperty({ description: 'Of the pending ones, those that failed at least once' }) retrying: number;
  @ApiProperty({ description: 'Syncs given up; a resync repairs what they missed' }) dead: number;
  @ApiProperty() succeeded: number;
  @ApiProperty({ nullable: true, type: String }) oldestPendingAt: string | null;
  @ApiProperty({ example: { users: 120, groups: 8 } }) mapped: { users: number; groups: number };
}

export class LdapSettingsResponseDto {
  @ApiProperty() url: string;
  @ApiProperty() bindDn: string;
  @ApiProperty() usersDn: string;
  @ApiProperty() groupsDn: string;
  @ApiProperty({ enum: LDAP_PRESETS }) preset: LdapPreset;
  @ApiProperty({ example: {} }) mapping: Record<string, string | null>;
  @ApiProperty() startTls: boolean;
  @ApiProperty({ nullable: true, type: String }) caCertificate: string | null;
  @ApiProperty({ nullable: true, type: LdapDeactivationDto }) deactivation: { attribute: string; value: string } | null;
}

export class ConnectorResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CONNECTOR_TYPES }) type: ConnectorType;
  @ApiProperty({ description: 'scim: the base URL; ldap: the directory URL' }) baseUrl: string;
  @ApiPropertyOptional({ type: LdapSettingsResponseDto, description: 'ldap only; never the bind password' }) ldap?: LdapSettingsResponseDto;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: ConnectorSyncDto }) sync: ConnectorSyncDto;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ResyncResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The job id: poll GET …/resyncs/{id}' }) id: string;
  @ApiProperty({ format: 'uuid' }) connectorId: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: Object, example: { users: { created: 1, replaced: 40, deleted: 0 }, groups: { created: 0, replaced: 3, deleted: 1 }, members: { added: 2, removed: 0 } } })
  summary: object | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}
