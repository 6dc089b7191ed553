using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Civility.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by its chromedriver through Selenium: both given by path (no Selenium Manager,
/// no browser download), a fresh profile, nothing phoning home. Widths are set exactly through the DevTools protocol.
/// The scripts the tests inject (axe-core, jsQR) come from <c>Browser/js/node_modules</c>, installed by <c>npm ci</c>.
/// </summary>
public sealed class Chromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium", DriverPath = "/usr/bin/chromedriver";

    private readonly string _profile;

    private Chromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static Chromium Start()
    {
        foreach (var path in new[] { BrowserPath, DriverPath })
            if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing: apt-get install -y chromium chromium-driver.");
        var profile = Directory.CreateTempSubdirectory("civility-browser-").FullName;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--lang=zh-CN", $"--user-data-dir={profile}", "--window-size=1280,900");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        return new Chromium(driver, profile);
    }

    /// <summary>The viewport as a phone (360 px, touch) or a desktop (1280 px) shows it.</summary>
    public void Width(int width)
    {
        var mobile = width < 600;
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = mobile ? 760 : 900, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });
    }

    public void Open(Uri url) => Driver.Navigate().GoToUrl(url);

    public string Title => Driver.Title;

    public string Text => Driver.FindElement(By.TagName("body")).Text;

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyCollection<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    /// <summary>Clicks what loads another page (a link, a form's button) and waits until that page has loaded.</summary>
    public void Follow(IWebElement element)
    {
        // The page before the click carries a mark; the next one, a new document, does not.
        Driver.ExecuteScript("window.civilityPreviousPage = true;");
        element.Click();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if (Driver.ExecuteScript("return window.civilityPreviousPage !== true && document.readyState === 'complete';") is true)
                    return;
            }
            catch (WebDriverException) when (DateTime.UtcNow < deadline)
            {
                // Between two documents the driver may find neither: ask again.
            }
            if (DateTime.UtcNow > deadline) throw new WebDriverTimeoutException("The next page did not load within 60 s.");
            Thread.Sleep(50);
        }
    }

    public void Follow(string css) => Follow(Find(css));

    public void Fill(string css, string value)
    {
        var field = Find(css);
        field.Clear();
        field.SendKeys(value);
    }

    /// <summary>Whether the page is wider than the viewport (a horizontal scroll bar).</summary>
    public bool ScrollsSideways() =>
        (bool)Driver.ExecuteScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;")!;

    /// <summary>The axe-core violations of impact serious or critical, one line each ("rule: selector…").</summary>
    public IReadOnlyList<string> SeriousAccessibilityViolations()
    {
        Driver.ExecuteScript(Script("axe-core/axe.min.js"));
        var json = (string)Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))))
              .catch(e => done(JSON.stringify(['axe failed: ' + e])));
            """)!;
        return JsonSerializer.Deserialize<List<string>>(json)!;
    }

    /// <summary>Decodes a QR code given as an image data URI, in the browser (jsQR); null when none is found.</summary>
    public string? DecodeQr(string dataUri)
    {
        Driver.Navigate().GoToUrl("about:blank");
        Driver.ExecuteScript(Script("jsqr/dist/jsQR.js"));
        return (string?)Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            const image = new Image();
            image.onload = () => {
              const canvas = document.createElement('canvas');
              canvas.width = image.width; canvas.height = image.height;
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, image.width, image.height);
              const code = jsQR(pixels.data, pixels.width, pixels.height);
              done(code ? code.data : null);
            };
            image.onerror = () => done(null);
            image.src = arguments[0];
            """, dataUri);
    }

    private static readonly Dictionary<string, string> Scripts = new();

    private const string ScriptsFolder = "tests/Civility.EndToEnd.Tests/Browser/js";

    private static string Script(string relativePath)
    {
        lock (Scripts)
        {
            if (Scripts.TryGetValue(relativePath, out var cached)) return cached;
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Civility.sln"))) root = root.Parent;
            var path = Path.Combine(root?.FullName ?? ".", ScriptsFolder, "node_modules", relativePath);
            if (!File.Exists(path))
                throw new InvalidOperationException($"{path} is missing: run npm ci in {ScriptsFolder} (./test.sh does).");
            // Both are UMD bundles: in a page with no module loader they define window.axe and window.jsQR.
            return Scripts[relativePath] = File.ReadAllText(path);
        }
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
