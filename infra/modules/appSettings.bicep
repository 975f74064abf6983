// The function app's settings, applied once the app exists so that they can name its own host (the
// public base URL that Twilio signatures and unsubscribe links are built on). Writing this resource
// replaces every app setting: whatever is not listed here is removed at the next deployment.

@description('Name of the existing function app.')
param appName string

@description('App settings the template manages; they win over additionalAppSettings.')
param appSettings object

@description('More app settings (per-shop webhook secrets, overrides of app defaults) merged under appSettings.')
param additionalAppSettings object

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(additionalAppSettings, appSettings)
}
