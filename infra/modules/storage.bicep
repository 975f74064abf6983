// One storage account for everything the app keeps: the Functions host's own state (keys, timer and
// singleton leases), the Durable Functions task hub (Azure Storage provider: queues, tables, lease blobs),
// Nurture's tables and queues, and the Flex Consumption deployment package. Shared keys are off: every
// client authenticates with Microsoft Entra ID, the app through its user-assigned identity.

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags object

@description('Redundancy of the account (Standard_LRS is enough for a single-region app; ZRS or GRS for more).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param skuName string

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Resource id of the function app\'s user-assigned identity (seeds the role assignment names, which must be known when the deployment starts).')
param appIdentityId string

@description('Principal id of the function app\'s user-assigned identity.')
param appPrincipalId string

@description('Principal id of a person or pipeline that should get the same data access (to inspect data or run the local host against this account); empty for none.')
param operatorPrincipalId string

@description('Kind of principal behind operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// Blob Data Owner: the host creates containers and takes blob leases (timers, Durable partitions) and
// Flex reads the package. Queue Data Contributor: queue triggers, the Durable control and work-item queues
// and the app's own enqueues (it covers what Queue Data Reader, Message Processor and Message Sender grant).
// Table Data Contributor: the Durable history and instance tables and every Nurture table.
var dataRoles = [
  storageBlobDataOwner
  storageQueueDataContributor
  storageTableDataContributor
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource appDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in dataRoles: {
    scope: account
    name: guid(account.id, appIdentityId, role)
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

resource operatorDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in dataRoles: if (!empty(operatorPrincipalId)) {
    scope: account
    name: guid(account.id, operatorPrincipalId, role)
    properties: {
      principalId: operatorPrincipalId
      principalType: operatorPrincipalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

@description('Name of the storage account.')
output name string = account.name

@description('Blob endpoint, ending in a slash.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue endpoint, ending in a slash.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Table endpoint, ending in a slash.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('URL of the deployment package container.')
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
