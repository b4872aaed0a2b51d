namespace Flagon.Jinja.Chat;

/// <summary>
/// A clock stopped at one moment, for reproducible prompts and tests: <c>strftime_now</c> sees the
/// wall-clock time of <see cref="Now"/> (its offset is the local time zone).
/// </summary>
public sealed class FixedClock : TimeProvider
{
    private readonly TimeZoneInfo _zone;

    /// <summary>Stops the clock at <paramref name="now"/>; its offset becomes the local zone.</summary>
    public FixedClock(DateTimeOffset now)
    {
        Now = now;
        _zone = now.Offset == TimeSpan.Zero
            ? TimeZoneInfo.Utc
            : TimeZoneInfo.CreateCustomTimeZone("fixed", now.Offset, "fixed", "fixed");
    }

    /// <summary>Stops the clock at a wall-clock time (its kind is ignored: it is the local time).</summary>
    public FixedClock(DateTime localTime) : this(new DateTimeOffset(DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified), TimeSpan.Zero))
    {
    }

    /// <summary>The moment the clock shows.</summary>
    public DateTimeOffset Now { get; }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _zone;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
