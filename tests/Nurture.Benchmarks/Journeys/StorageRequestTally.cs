using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Nurture.Benchmarks.Harness;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// Counts every HTTP request this process sends to the storage account (blob, queue and table; retries each count),
/// by kind, from the runtime's HttpClient diagnostics: the Durable engine's own clients are built inside DTFx, out of
/// reach of a pipeline policy, and both sides of the comparison must be counted the same way.
/// </summary>
internal sealed class StorageRequestTally : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string RequestEvent = "System.Net.Http.Request";
    private readonly long[] _byKind = new long[Enum.GetValues<StorageRequestKind>().Length];
    private readonly string[] _authorities;
    private readonly string _blobAuthority;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private long _count;
    private long _blob;
    private volatile bool _counting;

    /// <summary>Starts listening; requests are counted between <see cref="Start"/> and <see cref="Stop"/>.</summary>
    /// <param name="connectionString">The account (requests to other hosts are not counted).</param>
    public StorageRequestTally(string connectionString)
    {
        _blobAuthority = new BlobServiceClient(connectionString).Uri.Authority;
        _authorities = [_blobAuthority, new QueueServiceClient(connectionString).Uri.Authority, new TableServiceClient(connectionString).Uri.Authority];
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Blob requests (Durable's leases and large messages), also in <see cref="Count"/> as <see cref="StorageRequestKind.Other"/>.</summary>
    public long Blob => Interlocked.Read(ref _blob);

    public IReadOnlyDictionary<StorageRequestKind, long> ByKind() =>
        Enum.GetValues<StorageRequestKind>().ToDictionary(k => k, k => Interlocked.Read(ref _byKind[(int)k]));

    /// <summary>Zeroes the counts and starts counting.</summary>
    public void Start()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _blob, 0);
        for (var i = 0; i < _byKind.Length; i++)
        {
            Interlocked.Exchange(ref _byKind[i], 0);
        }

        _counting = true;
    }

    public void Stop() => _counting = false;

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this, name => name == RequestEvent));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (!_counting || value.Key != RequestEvent || value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is not HttpRequestMessage { RequestUri: { } uri } request
            || !_authorities.Contains(uri.Authority, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        Interlocked.Increment(ref _count);
        var kind = RequestCounter.Classify(request.Method.Method, uri.AbsolutePath, uri.Query);
        if (string.Equals(uri.Authority, _blobAuthority, StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _blob);
            kind = StorageRequestKind.Other;
        }

        Interlocked.Increment(ref _byKind[(int)kind]);
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
