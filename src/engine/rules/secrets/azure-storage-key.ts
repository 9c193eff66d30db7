import { tokenRule } from './tokenRule';

/** Azure storage or Service Bus key: a provider-format secret (see docs/rules/secrets/azure-storage-key.md). */
export default tokenRule({
  id: 'secrets/azure-storage-key',
  title: 'Azure storage or Service Bus key',
  description:
    'An Azure storage account key (AccountKey=) or a Service Bus / Event Hubs shared access key (SharedAccessKey=) gives full access to every blob, queue, table or message of the account, with no expiry.',
  pattern: /(?:AccountKey|SharedAccessKey)\s{0,2}=\s{0,2}([A-Za-z0-9+/]{40,100}={0,2})/g,
  keywords: ['accountkey', 'sharedaccesskey'],
  minEntropy: 4,
  envName: 'AZURE_STORAGE_CONNECTION_STRING',
  /** Azurite's published development key is not a secret. */
  validate(value) {
    return !value.startsWith('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq');
  },
  bad: [
    {
      path: 'appsettings.json',
      text: '{\n  "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=mwt9yvyjl2yFqNSwfZT4oX53IVa5kQW5W04V2up1eoBWv0Nu4fs0hD3+aqvxU4mbKLm63dyI0hCu1w6P+GTI/9==;EndpointSuffix=core.windows.net"\n}\n',
    },
    {
      path: 'src/Bus.cs',
      text: 'var conn = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=QwmdF/Up2ZVcCmuVe9ItvZQueQnLM4Dp66htacq6yJO=";\n',
    },
  ],
  good: [
    {
      path: 'appsettings.Development.json',
      text: '{ "Storage": "UseDevelopmentStorage=true" }\n',
    },
    {
      path: 'appsettings.json',
      text: '{ "Storage": "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=<storage-key>" }\n',
    },
    {
      path: 'docker-compose.yml',
      text: 'AZURE_STORAGE: "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="\n',
    },
  ],
});
