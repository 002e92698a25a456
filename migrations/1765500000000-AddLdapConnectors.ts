import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * LDAP connectors (docs/connectors.md "LDAP"): a second connector type. `base_url` holds the ldap:// or
 * ldaps:// URL and `token_sealed` the sealed bind password; the rest of the directory's configuration (bind DN,
 * users and groups DNs, preset, mapping, TLS) is `settings`, which a SCIM connector leaves NULL.
 */
export class AddLdapConnectors1765500000000 implements MigrationInterface {
  name = 'AddLdapConnectors1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE connectors DROP CONSTRAINT connectors_type_check`);
    await db.query(`ALTER TABLE connectors ADD CONSTRAINT connectors_type_check CHECK (type IN ('scim', 'ldap'))`);
    await db.query(`ALTER TABLE connectors ADD COLUMN settings jsonb`);
    await db.query(`ALTER TABLE connectors ADD CONSTRAINT connectors_ldap_settings CHECK ((type = 'ldap') = (settings IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM connectors WHERE type = 'ldap'`);
    await db.query(`ALTER TABLE connectors DROP CONSTRAINT connectors_ldap_settings`);
    await db.query(`ALTER TABLE connectors DROP COLUMN settings`);
    await db.query(`ALTER TABLE connectors DROP CONSTRAINT connectors_type_check`);
    await db.query(`ALTER TABLE connectors ADD CONSTRAINT connectors_type_check CHECK (type IN ('scim'))`);
  }
}
