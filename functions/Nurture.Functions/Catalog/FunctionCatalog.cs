using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Nurture.Functions.Timers;
using Nurture.Storage.Queues;

namespace Nurture.Functions.Catalog;

/// <summary>
/// Every function of the set, collected from the <see cref="FunctionDefinition"/>s registered in DI. Both hosts
/// read it: the standalone host maps routes, listeners and timers from it; the custom-handler build writes one
/// <c>function.json</c> per entry. Names are unique (case-insensitively, as in Functions).
/// </summary>
public sealed partial class FunctionCatalog
{
    private readonly Dictionary<string, FunctionDefinition> _byName;
    private readonly IConfiguration _configuration;

    /// <summary>Builds the catalog; throws when a name is invalid or used twice.</summary>
    public FunctionCatalog(IEnumerable<FunctionDefinition> functions, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        Functions = [.. functions.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)];
        _byName = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in Functions)
        {
            if (!NamePattern().IsMatch(function.Name))
            {
                throw new InvalidOperationException(
                    $"Function name '{function.Name}' is invalid: start with a letter, then letters, digits, '-' or '_' (at most 128).");
            }

            if (!_byName.TryAdd(function.Name, function))
            {
                throw new InvalidOperationException($"Function name '{function.Name}' is declared twice; names must be unique.");
            }
        }
    }

    /// <summary>Every function, ordered by name.</summary>
    public IReadOnlyList<FunctionDefinition> Functions { get; }

    /// <summary>The HTTP functions.</summary>
    public IEnumerable<HttpFunction> HttpFunctions => Functions.OfType<HttpFunction>();

    /// <summary>The queue functions.</summary>
    public IEnumerable<QueueFunction> QueueFunctions => Functions.OfType<QueueFunction>();

    /// <summary>The timer functions.</summary>
    public IEnumerable<TimerFunction> TimerFunctions => Functions.OfType<TimerFunction>();

    /// <summary>The function with that name (case-insensitive), or null.</summary>
    public FunctionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The queue name with <c>%Setting%</c> expressions resolved and checked.</summary>
    public string ResolveQueueName(QueueFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var name = BindingExpressions.Resolve(function.Queue.QueueName, _configuration);
        QueueLimits.ValidateQueueName(name + QueueTrigger.PoisonSuffix);
        QueueLimits.ValidateQueueName(name);
        return name;
    }

    /// <summary>The schedule with <c>%Setting%</c> expressions resolved, parsed in the given zone.</summary>
    public CronSchedule ResolveSchedule(TimerFunction function, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(function);
        var expression = BindingExpressions.Resolve(function.Timer.Schedule, _configuration);
        try
        {
            return CronSchedule.Parse(expression, timeZone);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Timer function '{function.Name}': {e.Message}", e);
        }
    }

    /// <summary>Whether the timer keeps a monitor record: as declared, or on unless it fires more than once a minute.</summary>
    public bool UsesMonitor(TimerFunction function, CronSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(schedule);
        return function.Timer.UseMonitor ?? !schedule.FiresMoreThanOncePerMinute();
    }

    /// <summary>Resolves every binding expression and schedule, so a bad setting fails at start naming the function.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        foreach (var function in Functions)
        {
            try
            {
                switch (function)
                {
                    case QueueFunction queue:
                        ResolveQueueName(queue);
                        break;
                    case TimerFunction timer:
                        ResolveSchedule(timer, TimeZoneInfo.Utc);
                        break;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                problems.Add($"{function.Name}: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The function catalog is invalid: " + string.Join(" ", problems));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex NamePattern();
}
