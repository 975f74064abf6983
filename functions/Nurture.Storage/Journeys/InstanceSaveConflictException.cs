using Azure;

namespace Nurture.Storage.Journeys;

/// <summary>The instance changed since it was loaded (its ETag no longer matches): reload and decide again.</summary>
public sealed class InstanceSaveConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="inner">The storage error.</param>
    public InstanceSaveConflictException(string instanceId, Exception? inner = null)
        : base($"Journey instance '{instanceId}' changed since it was loaded.", inner)
    {
        InstanceId = instanceId;
    }

    /// <summary>The instance.</summary>
    public string InstanceId { get; }
}
