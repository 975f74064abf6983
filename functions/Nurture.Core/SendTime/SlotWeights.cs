using System.Collections.Immutable;

namespace Nurture.Core.SendTime;

/// <summary>
/// Sparse non-negative weights by key (a <see cref="WeekSlots.KeyOf"/> key), sorted by key: compact in a
/// profile row, since most contacts have evidence in a handful of slots.
/// </summary>
public sealed record SlotWeights
{
    /// <summary>No weights.</summary>
    public static SlotWeights Empty { get; } = new();

    /// <summary>The keys that hold weight, ascending.</summary>
    public ImmutableArray<int> Keys { get; init; } = [];

    /// <summary>The weight of each key, aligned with <see cref="Keys"/>.</summary>
    public ImmutableArray<double> Values { get; init; } = [];

    /// <summary>Number of keys that hold weight.</summary>
    public int Count => Keys.IsDefault ? 0 : Keys.Length;

    /// <summary>The sum of the weights.</summary>
    public double Total()
    {
        var sum = 0d;
        foreach (var value in Values)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>These weights with <paramref name="weight"/> added at <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="weight">A positive weight.</param>
    public SlotWeights Add(int key, double weight)
    {
        var index = Keys.BinarySearch(key);
        if (index >= 0)
        {
            return this with { Values = Values.SetItem(index, Values[index] + weight) };
        }

        var at = ~index;
        return new SlotWeights { Keys = Keys.Insert(at, key), Values = Values.Insert(at, weight) };
    }

    /// <summary>Every weight times <paramref name="factor"/>, dropping those that fall below <paramref name="floor"/>.</summary>
    /// <param name="factor">The factor (a decay, at most 1).</param>
    /// <param name="floor">Weights below this are dropped.</param>
    public SlotWeights Scale(double factor, double floor)
    {
        if (factor == 1d || Count == 0)
        {
            return this;
        }

        var keys = ImmutableArray.CreateBuilder<int>(Count);
        var values = ImmutableArray.CreateBuilder<double>(Count);
        for (var i = 0; i < Count; i++)
        {
            var value = Values[i] * factor;
            if (value >= floor)
            {
                keys.Add(Keys[i]);
                values.Add(value);
            }
        }

        return new SlotWeights { Keys = keys.DrainToImmutable(), Values = values.DrainToImmutable() };
    }

    /// <summary>The key-wise sum of two sets of weights, each first multiplied by its factor.</summary>
    /// <param name="a">The first weights.</param>
    /// <param name="aFactor">The factor for <paramref name="a"/>.</param>
    /// <param name="b">The second weights.</param>
    /// <param name="bFactor">The factor for <paramref name="b"/>.</param>
    public static SlotWeights Sum(SlotWeights a, double aFactor, SlotWeights b, double bFactor)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var keys = ImmutableArray.CreateBuilder<int>(a.Count + b.Count);
        var values = ImmutableArray.CreateBuilder<double>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j >= b.Count || (i < a.Count && a.Keys[i] < b.Keys[j]))
            {
                keys.Add(a.Keys[i]);
                values.Add(a.Values[i++] * aFactor);
            }
            else if (i >= a.Count || b.Keys[j] < a.Keys[i])
            {
                keys.Add(b.Keys[j]);
                values.Add(b.Values[j++] * bFactor);
            }
            else
            {
                keys.Add(a.Keys[i]);
                values.Add((a.Values[i++] * aFactor) + (b.Values[j++] * bFactor));
            }
        }

        return new SlotWeights { Keys = keys.DrainToImmutable(), Values = values.DrainToImmutable() };
    }

    /// <summary>These weights keeping only the <paramref name="capacity"/> largest (ties keep the smaller key).</summary>
    /// <param name="capacity">The most keys to keep.</param>
    public SlotWeights Trim(int capacity)
    {
        if (Count <= capacity)
        {
            return this;
        }

        var kept = Enumerable.Range(0, Count)
            .OrderByDescending(i => Values[i])
            .ThenBy(i => Keys[i])
            .Take(Math.Max(0, capacity))
            .Order()
            .ToArray();
        return new SlotWeights { Keys = [.. kept.Select(i => Keys[i])], Values = [.. kept.Select(i => Values[i])] };
    }
}
