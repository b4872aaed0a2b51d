using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>5,000 requests in flight at once: Request, G and route values stay each request's own across awaits.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task FiveThousandConcurrentRequestsKeepTheirOwnContext()
    {
        const int count = 5000;
        var app = TestApps.New();
        var inFlight = 0;
        var maxInFlight = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.BeforeRequest(() =>
        {
            G["id"] = Request.Args["id"];
        });
        app.Get("/item/<int:id>", async (int id) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            int seen;
            while ((seen = Volatile.Read(ref maxInFlight)) < now && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
            {
            }

            if (now == count)
            {
                gate.TrySetResult();
            }

            await Task.WhenAny(gate.Task, Task.Delay(TimeSpan.FromSeconds(120)));
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(Random.Shared.Next(0, 5));
                if (Convert.ToInt32(Request.ViewArgs!["id"], System.Globalization.CultureInfo.InvariantCulture) != id || (string)G["id"]! != id.ToString(System.Globalization.CultureInfo.InvariantCulture) || Request.Path != $"/item/{id}")
                {
                    return "mismatch";
                }

                await Task.Yield();
            }

            Interlocked.Decrement(ref inFlight);
            return $"ok {id} {Request.Args["id"]}";
        }, endpoint: "item");
        using var client = app.TestClient();
        var tasks = Enumerable.Range(0, count).Select(i => client.GetAsync($"/item/{i}?id={i}")).ToArray();
        var responses = await Task.WhenAll(tasks);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal($"ok {i} {i}", responses[i].Text);
        }

        Assert.Equal(count, maxInFlight);
    }
}
