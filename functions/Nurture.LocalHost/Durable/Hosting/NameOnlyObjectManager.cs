using DurableTask.Core;

namespace Nurture.LocalHost.Durable.Hosting;

/// <summary>
/// Finds orchestrations and activities by name alone (case-insensitively), ignoring the version DTFx passes, as the
/// Functions host does: a client that starts an instance with a version still finds the one function of that name.
/// </summary>
internal sealed class NameOnlyObjectManager<T> : INameVersionObjectManager<T>
{
    private readonly Dictionary<string, ObjectCreator<T>> _creators = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public void Add(ObjectCreator<T> creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (!_creators.TryAdd(creator.Name, creator))
        {
            throw new InvalidOperationException($"'{creator.Name}' is registered twice.");
        }
    }

    /// <inheritdoc />
    public T? GetObject(string name, string? version) =>
        _creators.TryGetValue(name, out var creator) ? creator.Create() : default;
}
