using System.Text;
using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Durable;

/// <summary>
/// The one converter for orchestration inputs, outputs, custom status and event payloads, on the worker side (the
/// shims) and the client side alike. It serializes the way the isolated Functions worker does.
/// </summary>
/// <remarks>
/// In the Functions app, <c>Microsoft.Azure.Functions.Worker.Extensions.DurableTask</c> replaces the Durable Task SDK's
/// <see cref="Microsoft.DurableTask.Converters.JsonDataConverter"/> default with a shim over <c>WorkerOptions.Serializer</c>,
/// so activity bindings and orchestrations serialize alike. That serializer is, unless the app sets one, a
/// <see cref="JsonObjectSerializer"/> over the worker's <c>JsonSerializerOptions</c>: System.Text.Json defaults
/// (PascalCase names) with <see cref="JsonSerializerOptions.PropertyNameCaseInsensitive"/> on. Pass the app's own
/// <c>WorkerOptions.Serializer</c> to <see cref="FromObjectSerializer"/> if the app configures one.
/// </remarks>
public sealed class DurableDataConverter : DataConverter
{
    private readonly ObjectSerializer _serializer;

    private DurableDataConverter(ObjectSerializer serializer) => _serializer = serializer;

    /// <summary>The converter the isolated worker uses when the app configures no serializer.</summary>
    public static DurableDataConverter WorkerDefault { get; } = new(new JsonObjectSerializer(CreateWorkerJsonOptions()));

    /// <summary>System.Text.Json options equal to the isolated worker's defaults.</summary>
    public static JsonSerializerOptions CreateWorkerJsonOptions() => new() { PropertyNameCaseInsensitive = true };

    /// <summary>A converter over the app's <c>WorkerOptions.Serializer</c>.</summary>
    public static DurableDataConverter FromObjectSerializer(ObjectSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return new DurableDataConverter(serializer);
    }

    /// <inheritdoc />
    public override string? Serialize(object? value) =>
        value is null ? null : _serializer.Serialize(value, value.GetType(), CancellationToken.None).ToString();

    /// <inheritdoc />
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null)
        {
            return null;
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(data), writable: false);
        return _serializer.Deserialize(stream, targetType, CancellationToken.None);
    }
}
