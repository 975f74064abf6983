// Key Vault for the secrets the app reads through Key Vault references
// (@Microsoft.KeyVault(SecretUri=...) app settings resolved by the platform with the app's user-assigned
// identity). Authorization is Azure RBAC, not access policies: the identity gets Key Vault Secrets User
// (read secret values), an optional operator gets Key Vault Secrets Officer (set and rotate them).

@description('Name of the vault (3-24 letters, digits and dashes, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Days a deleted vault or secret can be recovered (soft delete is always on).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Forbid purging deleted secrets and the vault before the retention ends. Cannot be turned off again once on.')
param enablePurgeProtection bool

@description('Resource id of the function app\'s user-assigned identity (seeds the role assignment names, which must be known when the deployment starts).')
param appIdentityId string

@description('Principal id of the function app\'s user-assigned identity.')
param appPrincipalId string

@description('Principal id of a person or pipeline allowed to set and rotate secrets; empty for none.')
param operatorPrincipalId string

@description('Kind of principal behind operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string

@description('Secrets to store, as an object of secret name to value. Entries with an empty value are skipped (the app setting that would reference them is left empty).')
@secure()
param secrets object

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service accepts only true or absent here.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource secretValues 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in items(secrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
    }
  }
]

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appIdentityId, keyVaultSecretsUser)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource operatorManagesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: vault
  name: guid(vault.id, operatorPrincipalId, keyVaultSecretsOfficer)
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI, ending in a slash (secret URIs are <vaultUri>secrets/<name>).')
output vaultUri string = vault.properties.vaultUri
