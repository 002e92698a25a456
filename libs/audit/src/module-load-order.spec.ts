import 'reflect-metadata';
import { GUARDS_METADATA, MODULE_METADATA, PARAMTYPES_METADATA } from '@nestjs/common/constants';

/**
 * @provisio/tenancy imports AuditModule and AuditWriter from here, and the audit admin controller uses AdminApi
 * from tenancy. Both index files are ordered so either lib can be loaded first; a reorder would leave a
 * decorator or an injection token undefined at class definition, which this catches.
 */
describe('loading @provisio/audit and @provisio/tenancy', () => {
  type AuditLib = typeof import('@provisio/audit');
  type TenancyLib = typeof import('@provisio/tenancy');
  const check = (audit: AuditLib, tenancy: TenancyLib) => {
    expect(Reflect.getMetadata(MODULE_METADATA.IMPORTS, tenancy.TenancyModule)).toContain(audit.AuditModule);
    expect(Reflect.getMetadata(PARAMTYPES_METADATA, tenancy.TenantsService)).toContain(audit.AuditWriter);
    const adminModule = audit.AuditAdminModule;
    const [controller] = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, adminModule);
    expect(Reflect.getMetadata(GUARDS_METADATA, controller)).toEqual([tenancy.AdminTokenGuard]);
  };

  it('works with tenancy loaded first', () => {
    jest.isolateModules(() => {
      const tenancy = jest.requireActual<TenancyLib>('@provisio/tenancy');
      check(jest.requireActual<AuditLib>('@provisio/audit'), tenancy);
    });
  });

  it('works with audit loaded first', () => {
    jest.isolateModules(() => {
      const audit = jest.requireActual<AuditLib>('@provisio/audit');
      check(audit, jest.requireActual<TenancyLib>('@provisio/tenancy'));
    });
  });
});
