using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Flaskr.Tests.Browser;

/// <summary>Flaskr in headless Chromium, served by Kestrel on a loopback port: the whole journey of a user.</summary>
public sealed class BlogInBrowserTests(ITestOutputHelper output)
{
    private static ChromeDriver StartBrowser()
    {
        var options = new ChromeOptions { BinaryLocation = BrowserSupport.ChromePath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,900");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(BrowserSupport.DriverPath)!, Path.GetFileName(BrowserSupport.DriverPath)!);
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return driver;
    }

    private static void Submit(IWebDriver driver, IReadOnlyDictionary<string, string> fields, string button)
    {
        foreach (var (name, value) in fields)
        {
            var field = driver.FindElement(By.Name(name));
            field.Clear();
            field.SendKeys(value);
        }

        driver.FindElement(By.CssSelector($"input[type=submit][value='{button}']")).Click();
    }

    private static IWebElement WaitFor(IWebDriver driver, By by)
        => new WebDriverWait(driver, TimeSpan.FromSeconds(20)).Until(d => d.FindElements(by).FirstOrDefault());

    [BrowserFact]
    public void RegisterLogInCreateEditDeleteAndLogOut()
    {
        using var flaskr = new FlaskrFixture(loadData: false);
        using var server = new LiveServer(flaskr.App);
        using var driver = StartBrowser();

        driver.Navigate().GoToUrl(server.Url("/"));
        Assert.Equal("Posts - Flaskr", driver.Title);
        // the stylesheet from static/ is applied
        Assert.Equal("flex", driver.FindElement(By.TagName("nav")).GetCssValue("display"));

        driver.FindElement(By.LinkText("Register")).Click();
        Assert.EndsWith("/auth/register", driver.Url, StringComparison.Ordinal);
        Submit(driver, new Dictionary<string, string> { ["username"] = "alice", ["password"] = "wonderland" }, "Register");
        WaitFor(driver, By.CssSelector("input[value='Log In']"));
        Assert.EndsWith("/auth/login", driver.Url, StringComparison.Ordinal);

        Submit(driver, new Dictionary<string, string> { ["username"] = "alice", ["password"] = "wrong" }, "Log In");
        Assert.Equal("Incorrect password.", WaitFor(driver, By.ClassName("flash")).Text);
        Submit(driver, new Dictionary<string, string> { ["username"] = "alice", ["password"] = "wonderland" }, "Log In");
        Assert.Equal("alice", WaitFor(driver, By.CssSelector("nav span.user")).Text);
        Assert.Equal(server.Url("/"), driver.Url);

        driver.FindElement(By.LinkText("New")).Click();
        Submit(driver, new Dictionary<string, string> { ["title"] = "", ["body"] = "" }, "Save");
        // the title field is `required`: the browser itself refuses to submit it empty
        Assert.EndsWith("/create", driver.Url, StringComparison.Ordinal);
        Assert.Equal(true, ((IJavaScriptExecutor)driver).ExecuteScript("return document.getElementById('title').validity.valueMissing"));
        Assert.Empty(driver.FindElements(By.ClassName("flash")));
        Submit(driver, new Dictionary<string, string> { ["title"] = "Hello from Chromium", ["body"] = "First line\nSecond line" }, "Save");
        var heading = WaitFor(driver, By.CssSelector("article.post h1"));
        Assert.Equal("Hello from Chromium", heading.Text);
        var created = (DateTime)flaskr.WithDb(db => Flagon.Sqlite.SqliteConnectionExtensions.FetchOne(db, "SELECT created FROM post"))!["created"]!;
        Assert.Equal($"by alice on {created:yyyy-MM-dd}", driver.FindElement(By.CssSelector("article.post .about")).Text);
        Assert.Equal("First line\nSecond line", driver.FindElement(By.CssSelector("article.post .body")).Text);

        var screenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(screenshotFolder);
        var screenshot = Path.Combine(screenshotFolder, "flaskr-index.png");
        driver.GetScreenshot().SaveAsFile(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 0);
        output.WriteLine($"Screenshot of the index: {screenshot}");

        driver.FindElement(By.LinkText("Edit")).Click();
        Assert.Equal("Edit \"Hello from Chromium\" - Flaskr", driver.Title);
        Submit(driver, new Dictionary<string, string> { ["title"] = "Edited in Chromium" }, "Save");
        Assert.Equal("Edited in Chromium", WaitFor(driver, By.CssSelector("article.post h1")).Text);

        driver.FindElement(By.LinkText("Edit")).Click();
        driver.FindElement(By.CssSelector("input.danger[value='Delete']")).Click();
        var confirm = new WebDriverWait(driver, TimeSpan.FromSeconds(10)).Until(d => d.SwitchTo().Alert());
        Assert.Equal("Are you sure?", confirm.Text);
        confirm.Accept();
        WaitFor(driver, By.ClassName("empty"));
        Assert.Empty(driver.FindElements(By.CssSelector("article.post")));
        Assert.Equal(0L, flaskr.WithDb(db => Flagon.Sqlite.SqliteConnectionExtensions.Scalar(db, "SELECT count(*) FROM post")));

        driver.FindElement(By.LinkText("Log Out")).Click();
        WaitFor(driver, By.LinkText("Log In"));
        Assert.Empty(driver.FindElements(By.CssSelector("nav span.user")));
        driver.Navigate().GoToUrl(server.Url("/create"));
        Assert.EndsWith("/auth/login", driver.Url, StringComparison.Ordinal);
    }
}
