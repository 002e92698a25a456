/**
 * Development only (config refuses SANDBOX_SCIM_TOKEN in production): the sandbox page starts
 * authorised with `npm start`'s sandbox tenant, so a newcomer goes from the page to a created and
 * found user without copying a token. In memory only; reloading the page authorises again.
 * Swagger UI's preauthorizeApiKey needs the spec loaded, hence the wait for window.ui's spec.
 */
export function sandboxPreauthorizationScript(schemeName: string, token: string): string {
  return `(function () {
  var scheme = ${inlineJson(schemeName)}, token = ${inlineJson(token)};
  var timer = setInterval(function () {
    var ui = window.ui;
    if (!ui || !ui.specSelectors || !ui.specSelectors.specJson().getIn(['components', 'securitySchemes', scheme])) return;
    clearInterval(timer);
    ui.preauthorizeApiKey(scheme, token);
  }, 100);
})();`;
}

/** JSON that cannot end the inline <script> it sits in. */
function inlineJson(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
