// The Flex Consumption plan and the Linux function app on it. Flex takes the runtime, scale and deployment
// source from functionAppConfig (not from FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION /
// WEBSITE_RUN_FROM_PACKAGE app settings, which it does not support) and pulls the package from a blob
// container with the app's user-assigned identity.

@description('Name of the Flex Consumption (FC1) plan.')
param planName string

@description('Name of the function app (its default host name is <name>.azurewebsites.net).')
param appName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('.NET version of the dotnet-isolated worker.')
param runtimeVersion string

@description('Most instances the app scales out to (Flex allows 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB; CPU and network bandwidth grow with it.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Concurrent HTTP invocations one instance takes before the platform adds another; 0 keeps the platform default for the instance size.')
@minValue(0)
@maxValue(1000)
param httpPerInstanceConcurrency int

@description('Instances kept warm, as a list of { name, instanceCount } where name is a scale group (http, durable, blob) or function:<FunctionName>.')
param alwaysReady array

@description('Spread the plan\'s instances over availability zones (needs a region that supports it for Flex).')
param zoneRedundant bool

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      ftpsState: 'Disabled'
      http20Enabled: true
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReady
        triggers: httpPerInstanceConcurrency == 0
          ? null
          : {
              http: {
                perInstanceConcurrency: httpPerInstanceConcurrency
              }
            }
      }
    }
  }
}

// Deployments authenticate with Microsoft Entra ID (azd deploy, az functionapp deployment); no
// publishing passwords.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the function app.')
output name string = site.name

@description('Default host name of the function app, without a scheme.')
output defaultHostName string = site.properties.defaultHostName
