// Application Insights on a Log Analytics workspace. With local authentication disabled, only telemetry
// signed with a Microsoft Entra token is ingested: the app's identity gets Monitoring Metrics Publisher
// (which, despite its name, covers every kind of telemetry) and the app sends
// APPLICATIONINSIGHTS_AUTHENTICATION_STRING with the identity's client id.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region of both resources.')
param location string

@description('Tags applied to both resources.')
param tags object

@description('Days the workspace keeps logs (30 is included in the price of ingestion).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Accept only Microsoft Entra-authenticated telemetry (instrumentation-key-only ingestion refused).')
param disableLocalAuth bool

@description('Resource id of the function app\'s user-assigned identity (seeds the role assignment names, which must be known when the deployment starts).')
param appIdentityId string

@description('Principal id of the function app\'s user-assigned identity.')
param appPrincipalId string

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    retentionInDays: retentionInDays
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    DisableLocalAuth: disableLocalAuth
    WorkspaceResourceId: workspace.id
  }
}

resource publishTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, appIdentityId, monitoringMetricsPublisher)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

@description('Connection string of the Application Insights component (not a secret: it identifies the resource; ingestion is authorised by Entra ID when local auth is off).')
output connectionString string = appInsights.properties.ConnectionString
