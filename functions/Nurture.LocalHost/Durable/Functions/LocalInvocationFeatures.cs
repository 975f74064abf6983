using System.Collections;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>A plain feature collection for a local invocation.</summary>
internal sealed class LocalInvocationFeatures : IInvocationFeatures
{
    private readonly Dictionary<Type, object> _features = [];

    /// <inheritdoc />
    public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

    /// <inheritdoc />
    public void Set<T>(T instance)
    {
        if (instance is null)
        {
            _features.Remove(typeof(T));
        }
        else
        {
            _features[typeof(T)] = instance;
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
