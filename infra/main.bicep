// Nurture on Azure: a Flex Consumption function app (dotnet-isolated) running as a user-assigned identity,
// one storage account reached only with that identity (shared keys off), Application Insights on Log
// Analytics, and a Key Vault whose secrets reach the app as Key Vault references.
// Deploy with `azd up`, or `az deployment group create -g <group> -f infra/main.bicep -p ...`
// (infra/README.md walks through both).

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------
// Environment and naming

@description('Name of the environment (azd sets it from the environment you pick): part of every resource name and the azd-env-name tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Name of the function app; empty derives a unique one from the resource group and environment.')
param functionAppName string = ''

@description('Object id of a person or pipeline that should manage the vault\'s secrets and read the app\'s data (azd passes the signed-in user); empty for none.')
param operatorPrincipalId string = ''

@description('Kind of principal behind operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

// ---------------------------------------------------------------------------------------------------
// Hosting and scale

@description('.NET version of the dotnet-isolated worker (functionAppConfig.runtime.version).')
param dotnetVersion string = '10.0'

@description('Most instances the app scales out to (Flex allows 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance in MB (512, 2048 or 4096); CPU and network bandwidth grow with it.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Concurrent HTTP invocations per instance before Flex adds one; 0 keeps the platform default for the instance size.')
@minValue(0)
@maxValue(1000)
param httpPerInstanceConcurrency int = 0

@description('Always-ready instances for the HTTP functions (billed while idle; 0 lets them scale to zero).')
@minValue(0)
param httpAlwaysReadyInstances int = 0

@description('Always-ready instances for the Durable Functions group (orchestrations and activities); the Durable docs recommend 1 on Flex to avoid cold starts of journeys.')
@minValue(0)
param durableAlwaysReadyInstances int = 0

@description('Spread the plan over availability zones (the region must support it for Flex).')
param zoneRedundant bool = false

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_LRS'

@description('Durable Functions task hub name (3-45 letters and digits, starting with a letter), set over host.json\'s extensions.durableTask.hubName; change it to start on empty orchestration state.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'NurtureHub'

@description('Longest wait between polls of an idle Durable task hub queue, set over host.json (the Durable guidance for Flex Consumption recommends 10 seconds or less; shorter means faster wake-ups and more storage transactions).')
param durableMaxQueuePollingInterval string = '00:00:10'

// ---------------------------------------------------------------------------------------------------
// Monitoring and Key Vault

@description('Days Log Analytics keeps the app\'s logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Accept only Microsoft Entra-authenticated telemetry in Application Insights (the app authenticates with its identity).')
param appInsightsEntraAuthOnly bool = true

@description('Days a deleted vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Turn on Key Vault purge protection (recommended in production; cannot be turned off again and keeps the vault name taken until the retention ends).')
param keyVaultPurgeProtection bool = false

// ---------------------------------------------------------------------------------------------------
// App behaviour

@description('Public base URL the app is reached at (a custom domain or a proxy); empty uses https://<default host name>. Twilio signatures and unsubscribe links are built on it.')
param publicBaseUrl string = ''

@description('Channel that delivers email: the outbox (records what would be sent) or SendGrid.')
@allowed([
  'outbox'
  'sendgrid'
])
param emailChannel string = 'outbox'

@description('Channel that delivers SMS: the outbox or Twilio.')
@allowed([
  'outbox'
  'twilio'
])
param smsChannel string = 'outbox'

@description('Send SendGrid mail in sandbox mode (validated, never delivered).')
param sendGridSandboxMode bool = false

@description('Twilio account SID (AC...).')
param twilioAccountSid string = ''

@description('Twilio Messaging Service SID (MG...); needed for scheduled SMS.')
param twilioMessagingServiceSid string = ''

@description('Twilio sender number in E.164, used when no Messaging Service is set.')
param twilioFromNumber string = ''

@description('The shop\'s email from-address, used by send steps that name no sender (Channels:Shops:default:EmailFrom).')
param shopEmailFrom string = ''

@description('The shop\'s display name on email (Channels:Shops:default:EmailFromName).')
param shopEmailFromName string = ''

@description('Where replies to the shop\'s email go (Channels:Shops:default:ReplyTo).')
param shopReplyTo string = ''

@description('Calling code assumed for phone numbers that come without one.')
param defaultCallingCode string = '1'

@description('Name of the header BigCommerce hooks carry the shared secret in (set the same header on every hook).')
param bigCommerceHeaderName string = 'X-Nurture-Webhook-Secret'

@description('Overrides of the app\'s defaults (send policies, tuning), as an object of setting name to value, e.g. { "Journeys__SendPolicy__EmailCap": "3/24h" }. Never put secrets here: use the secure parameters.')
param extraAppSettings object = {}

// ---------------------------------------------------------------------------------------------------
// Secrets: stored in Key Vault, read by the app through Key Vault references. An empty optional secret
// stores nothing and leaves its app setting empty, which the app treats as not configured (the webhook
// answers 503 naming the setting).

@description('Shopify app secret that signs webhooks (X-Shopify-Hmac-Sha256).')
@secure()
param shopifyWebhookSecret string = ''

@description('WooCommerce webhook secret (X-WC-Webhook-Signature).')
@secure()
param wooCommerceWebhookSecret string = ''

@description('Shared secret BigCommerce hooks send in the bigCommerceHeaderName header.')
@secure()
param bigCommerceWebhookSecret string = ''

@description('SendGrid Event Webhook verification key (base64 public key).')
@secure()
param sendGridVerificationKey string = ''

@description('SendGrid API key with Mail Send permission.')
@secure()
param sendGridApiKey string = ''

@description('Twilio auth token: signs Twilio webhooks and authenticates sends.')
@secure()
param twilioAuthToken string = ''

@description('Salt of the suppression hashes kept after erasure. Set it once and never change it: a new salt forgets every suppression.')
@secure()
@minLength(32)
param suppressionSalt string

@description('Secret that signs one-click unsubscribe tokens; changing it invalidates links already sent.')
@secure()
@minLength(32)
param unsubscribeSecret string

@description('Per-shop webhook secrets, as { "shops": [ { "shop": "candles.myshopify.com", "shopifySecret": "...", "wooCommerceSecret": "...", "bigCommerceSecret": "..." } ] } (each entry needs the shop and at least one secret; a WooCommerce shop is its site URL).')
@secure()
param shopWebhookSecrets object = {}

// ---------------------------------------------------------------------------------------------------
// Names

var token = uniqueString(subscription().id, resourceGroup().id, environmentName)
var appName = empty(functionAppName) ? 'func-nurture-${token}' : functionAppName
var tags = {
  'azd-env-name': environmentName
  application: 'nurture'
}
var deploymentContainerName = 'deployment-package'

var secretNames = {
  shopify: 'shopify-webhook-secret'
  wooCommerce: 'woocommerce-webhook-secret'
  bigCommerce: 'bigcommerce-webhook-secret'
  sendGridVerificationKey: 'sendgrid-verification-key'
  sendGridApiKey: 'sendgrid-api-key'
  twilioAuthToken: 'twilio-auth-token'
  suppressionSalt: 'suppression-salt'
  unsubscribeSecret: 'unsubscribe-secret'
}

var shops = shopWebhookSecrets.?shops ?? []

// Secret names of the shop at index i, one per platform.
var shopSecretNames = [
  for (shop, i) in shops: {
    shopify: 'shop-${i}-shopify-webhook-secret'
    wooCommerce: 'shop-${i}-woocommerce-webhook-secret'
    bigCommerce: 'shop-${i}-bigcommerce-webhook-secret'
  }
]

var shopSecretValues = reduce(
  range(0, length(shops)),
  {},
  (all, i) =>
    union(all, {
      '${shopSecretNames[i].shopify}': shops[i].?shopifySecret ?? ''
      '${shopSecretNames[i].wooCommerce}': shops[i].?wooCommerceSecret ?? ''
      '${shopSecretNames[i].bigCommerce}': shops[i].?bigCommerceSecret ?? ''
    })
)

// A Key Vault reference resolved by the platform with the app's identity; versionless, so a new secret
// version is picked up without redeploying.
func keyVaultReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName})'

// ---------------------------------------------------------------------------------------------------
// Resources

// The identity the app runs as: host and app storage, the deployment package, telemetry ingestion and
// Key Vault references all authenticate with it, so no setting holds a key.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-nurture-${token}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stnurture${token}'
    location: location
    tags: tags
    skuName: storageSku
    deploymentContainerName: deploymentContainerName
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-nurture-${token}'
    appInsightsName: 'appi-nurture-${token}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    disableLocalAuth: appInsightsEntraAuthOnly
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: 'kv-${token}'
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    enablePurgeProtection: keyVaultPurgeProtection
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    secrets: union(shopSecretValues, {
      '${secretNames.shopify}': shopifyWebhookSecret
      '${secretNames.wooCommerce}': wooCommerceWebhookSecret
      '${secretNames.bigCommerce}': bigCommerceWebhookSecret
      '${secretNames.sendGridVerificationKey}': sendGridVerificationKey
      '${secretNames.sendGridApiKey}': sendGridApiKey
      '${secretNames.twilioAuthToken}': twilioAuthToken
      '${secretNames.suppressionSalt}': suppressionSalt
      '${secretNames.unsubscribeSecret}': unsubscribeSecret
    })
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    planName: 'plan-nurture-${token}'
    appName: appName
    location: location
    tags: union(tags, { 'azd-service-name': 'functions' })
    identityId: identity.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    runtimeVersion: dotnetVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    alwaysReady: concat(
      httpAlwaysReadyInstances > 0 ? [{ name: 'http', instanceCount: httpAlwaysReadyInstances }] : [],
      durableAlwaysReadyInstances > 0 ? [{ name: 'durable', instanceCount: durableAlwaysReadyInstances }] : []
    )
    zoneRedundant: zoneRedundant
  }
}

var baseUrl = empty(publicBaseUrl) ? 'https://${functionApp.outputs.defaultHostName}' : publicBaseUrl
var vaultUri = keyVault.outputs.vaultUri

var shopSettings = reduce(
  range(0, length(shops)),
  {},
  (all, i) =>
    union(all, {
      'Ingestion__Shops__${i}__Shop': shops[i].shop
      'Ingestion__Shops__${i}__ShopifySecret': empty(shops[i].?shopifySecret ?? '')
        ? ''
        : keyVaultReference(vaultUri, shopSecretNames[i].shopify)
      'Ingestion__Shops__${i}__WooCommerceSecret': empty(shops[i].?wooCommerceSecret ?? '')
        ? ''
        : keyVaultReference(vaultUri, shopSecretNames[i].wooCommerce)
      'Ingestion__Shops__${i}__BigCommerceSecret': empty(shops[i].?bigCommerceSecret ?? '')
        ? ''
        : keyVaultReference(vaultUri, shopSecretNames[i].bigCommerce)
    })
)

// Every setting the template provisions is listed literally here (tests/Nurture.Infra.Tests compares the
// keys with local.settings.sample.json and infra/settings-not-provisioned.json).
module appSettings 'modules/appSettings.bicep' = {
  name: 'appSettings'
  params: {
    appName: appName
    additionalAppSettings: union(extraAppSettings, shopSettings)
    appSettings: {
      // Host storage, Durable task hub and Nurture's tables and queues, all through the identity.
      AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
      AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
      AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      AZURE_CLIENT_ID: identity.properties.clientId
      AzureFunctionsJobHost__extensions__durableTask__hubName: taskHubName
      AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval: durableMaxQueuePollingInterval

      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'

      Channels__PublicBaseUrl: baseUrl

      Ingestion__ShopifySecret: empty(shopifyWebhookSecret) ? '' : keyVaultReference(vaultUri, secretNames.shopify)
      Ingestion__WooCommerceSecret: empty(wooCommerceWebhookSecret)
        ? ''
        : keyVaultReference(vaultUri, secretNames.wooCommerce)
      Ingestion__BigCommerceSecret: empty(bigCommerceWebhookSecret)
        ? ''
        : keyVaultReference(vaultUri, secretNames.bigCommerce)
      Ingestion__BigCommerceSecretHeader: bigCommerceHeaderName
      Ingestion__SendGridVerificationKey: empty(sendGridVerificationKey)
        ? ''
        : keyVaultReference(vaultUri, secretNames.sendGridVerificationKey)
      Ingestion__TwilioAuthToken: empty(twilioAuthToken) ? '' : keyVaultReference(vaultUri, secretNames.twilioAuthToken)
      Ingestion__TwilioPublicBaseUrl: baseUrl
      Ingestion__DefaultCallingCode: defaultCallingCode
      Ingestion__SuppressionSalt: keyVaultReference(vaultUri, secretNames.suppressionSalt)

      Channels__Email: emailChannel
      Channels__Sms: smsChannel
      Channels__SendGrid__ApiKey: empty(sendGridApiKey) ? '' : keyVaultReference(vaultUri, secretNames.sendGridApiKey)
      Channels__SendGrid__SandboxMode: sendGridSandboxMode ? 'true' : 'false'
      Channels__Twilio__AccountSid: twilioAccountSid
      Channels__Twilio__AuthToken: empty(twilioAuthToken)
        ? ''
        : keyVaultReference(vaultUri, secretNames.twilioAuthToken)
      Channels__Twilio__MessagingServiceSid: twilioMessagingServiceSid
      Channels__Twilio__FromNumber: twilioFromNumber
      Channels__Shops__default__EmailFrom: shopEmailFrom
      Channels__Shops__default__EmailFromName: shopEmailFromName
      Channels__Shops__default__ReplyTo: shopReplyTo
      Channels__Unsubscribe__Secret: keyVaultReference(vaultUri, secretNames.unsubscribeSecret)
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Outputs (azd stores each one in the environment: azd env get-value SHOPIFY_WEBHOOK_URL)

@description('Name of the function app (az functionapp ... -n).')
output FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Default host name of the function app.')
output FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName

@description('Base URL the webhook URLs below are built on.')
output PUBLIC_BASE_URL string = baseUrl

@description('Name of the Key Vault holding the secrets (az keyvault secret set --vault-name ...).')
output KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the storage account.')
output STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Shopify: Settings > Notifications > Webhooks (or the app\'s webhook subscriptions).')
output SHOPIFY_WEBHOOK_URL string = '${baseUrl}/api/webhooks/shopify'

@description('WooCommerce: Settings > Advanced > Webhooks, delivery URL of every webhook.')
output WOOCOMMERCE_WEBHOOK_URL string = '${baseUrl}/api/webhooks/woocommerce'

@description('BigCommerce: destination of every hook created through the Webhooks API.')
output BIGCOMMERCE_WEBHOOK_URL string = '${baseUrl}/api/webhooks/bigcommerce'

@description('SendGrid: Settings > Mail Settings > Event Webhook, with signed events on.')
output SENDGRID_EVENT_WEBHOOK_URL string = '${baseUrl}/api/webhooks/sendgrid'

@description('Twilio: status callback URL of the Messaging Service.')
output TWILIO_STATUS_CALLBACK_URL string = '${baseUrl}/api/webhooks/twilio/status'

@description('Twilio: incoming-message webhook of the Messaging Service or sender number.')
output TWILIO_INBOUND_URL string = '${baseUrl}/api/webhooks/twilio/inbound'
