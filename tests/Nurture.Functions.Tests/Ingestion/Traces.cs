using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Looks through every row of every table for anything that still names a shopper.</summary>
internal static class Traces
{
    /// <summary>Every row in every table of the account that mentions the shopper or the contact id.</summary>
    public static async Task<List<string>> FindAsync(TableServiceClient tables, Shopper shopper, string contactId)
    {
        var needles = new[] { shopper.NormalizedEmail, shopper.Email, shopper.Phone, shopper.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture), contactId };
        var traces = new List<string>();
        await foreach (var table in tables.QueryAsync())
        {
            var tableName = table.Name;
            await foreach (var row in tables.GetTableClient(tableName).QueryAsync<TableEntity>())
            {
                var text = row.PartitionKey + " " + row.RowKey + " " + string.Join(" ", row.Select(p => p.Value is string s ? s : string.Empty));
                if (needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                {
                    traces.Add($"{tableName}/{row.PartitionKey}/{row.RowKey}");
                }
            }
        }

        return traces;
    }
}
