using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Civility.Domain.Identifiers;
using Civility.Domain.PersonalData;
using Civility.Domain.Time;
using OpenQA.Selenium;

namespace Civility.EndToEnd.Tests.Browser;

/// <summary>
/// The portal as residents use it, in a real Chromium through the gateway, on the demo county: the home page, a
/// commended person on the board, a real-name vote (confirmed, then refused, then a wrong number), an objection with its
/// reference, a listed company and a listed person (masked), a printed certificate's QR code opened as a phone would;
/// and every page at 360 and 1280 px with no sideways scrolling and no serious or critical axe-core violation.
/// </summary>
[Collection(PortalBrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class PortalBrowserTests(PortalStack stack)
{
    private Chromium Browser => stack.Browser;

    private Uri Url(string path) => new(stack.Gateway.BaseAddress!, path);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private void Open(string path) => Browser.Open(Url(path));

    /// <summary>
    /// Reloads <paramref name="path"/> until <paramref name="text"/> shows (a page may be cached until an event empties it).
    /// </summary>
    private async Task OpenUntilShownAsync(string path, string text)
    {
        for (var i = 0; i < 40; i++)
        {
            Open(path);
            if (Browser.Text.Contains(text, StringComparison.Ordinal)) return;
            await Task.Delay(500);
        }
        Assert.Fail($"{path} never showed \"{text}\". It shows: {Browser.Text}");
    }

    private void AssertReadable(string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(Browser.Title), $"{what}: no title");
        Assert.False(string.IsNullOrWhiteSpace(Browser.Find("meta[name=description]").GetAttribute("content")), $"{what}: no description");
        Assert.Equal("zh-CN", Browser.Find("html").GetAttribute("lang"));
        Assert.Equal(0L, (long)Browser.Driver.ExecuteScript("return document.scripts.length;")!); // works with no JavaScript at all
        Assert.Empty(Browser.SeriousAccessibilityViolations());
    }

    private async Task<JsonElement> AdminPostAsync(HttpClient admin, string path, object body)
    {
        using var response = await admin.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>A fresh nomination in publicity in a round of its own, voted by ID number only (as at a meeting).</summary>
    private async Task<(Guid Id, string Name)> NominationInPublicityAsync(string name)
    {
        using var admin = await stack.ClientAsync("civility-admin");
        var now = stack.Clock.GetUtcNow();
        var round = (await AdminPostAsync(admin, "/api/moral-models/rounds", new
        {
            name = $"浏览器测试评选 {Guid.NewGuid():N}", year = stack.Clock.CountyYear(), publicityDays = 7,
            categories = new[] { "good-person" },
            votingOpensAt = now.AddMinutes(-5), votingClosesAt = now.AddDays(20), voteVerification = "id-number-only", publicTally = true,
        })).GetProperty("id").GetGuid();
        var id = (await AdminPostAsync(admin, "/api/moral-models/nominations", new
        {
            roundId = round, category = "good-person", goodPersonKind = "helping-others", nomineeKind = "person", nomineeName = name,
            idNumber = TestIdentities.CitizenId(), unitCode = "DEMO-HOSP", deeds = "十年如一日照顾独居老人，风雨无阻。",
        })).GetProperty("id").GetGuid();
        await AdminPostAsync(admin, $"/api/moral-models/nominations/{id}/review", new { reason = "材料齐全" });
        await AdminPostAsync(admin, $"/api/moral-models/nominations/{id}/publicize", new { reason = "评审通过" });
        return (id, name);
    }

    [Fact]
    public async Task The_home_page_opens_and_a_commended_person_is_found_on_the_board()
    {
        Browser.Width(1280);
        Open("/");
        Assert.Contains("首页", Browser.Title);
        Assert.Equal("县卫生健康局精神文明创建", Browser.Find("h1").Text);
        Assert.Contains("全局志愿者注册率", Browser.Text);
        Assert.Contains("正在公示", Browser.Text);
        AssertReadable("home");

        using (var home = await stack.Gateway.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var csp = string.Join(";", home.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("<script", await home.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        Browser.Follow("nav a[href='/boards/good-deeds']");
        Assert.Contains("好人榜", Browser.Find("h1").Text);
        Browser.Follow(Browser.Driver.FindElement(By.LinkText("陈秀英")));
        Assert.Equal("陈秀英", Browser.Find("h1").Text);
        Assert.Contains("先进事迹", Browser.Text);
        Assert.Matches(@"\d{4}\*+\w{4}", Browser.Text);
        AssertReadable("board entry");
    }

    [Fact]
    public async Task A_resident_votes_once_by_real_name_and_a_second_vote_or_a_wrong_number_is_refused_plainly()
    {
        var (id, name) = await NominationInPublicityAsync("林晓梅");
        Browser.Width(360);
        await OpenUntilShownAsync("/publicity", name);
        Browser.Follow(Browser.Driver.FindElement(By.LinkText(name)));
        Assert.Contains("还剩", Browser.Text);
        Browser.Follow(Browser.Driver.FindElement(By.LinkText("实名投票")));
        AssertReadable("vote form");

        var voter = TestIdentities.CitizenId();
        Browser.Fill("#name", "王建华");
        Browser.Fill("#id-number", voter);
        Browser.Follow("section[aria-labelledby=vote-title] button[type=submit]");
        Assert.Equal("已投票", Browser.Find(".outcome h2").Text);
        Assert.Contains("当前得票：1 票", Browser.Text);
        Assert.DoesNotContain(voter, Browser.Driver.PageSource);
        Assert.DoesNotContain(voter, Browser.Driver.Url);
        AssertReadable("vote confirmed");

        Browser.Fill("#name", "王建华");
        Browser.Fill("#id-number", voter.ToLowerInvariant());
        Browser.Follow("section[aria-labelledby=vote-title] button[type=submit]");
        Assert.Equal("您已投过票", Browser.Find(".outcome h2").Text);

        Browser.Fill("#name", "赵敏");
        Browser.Fill("#id-number", TestIdentities.WithWrongCheck(TestIdentities.CitizenId()));
        Browser.Follow("section[aria-labelledby=vote-title] button[type=submit]");
        Assert.Equal("号码有误", Browser.Find(".outcome h2").Text);
        Assert.Contains("号码有误", Browser.Find("#id-number-error").Text);
        Assert.Equal("true", Browser.Find("#id-number").GetAttribute("aria-invalid"));
        AssertReadable("vote refused");
        Assert.DoesNotContain(voter, string.Join("\n", stack.LogLines));
    }

    [Fact]
    public async Task An_objection_is_filed_with_a_reference_and_the_nomination_then_shows_under_objection()
    {
        var (id, name) = await NominationInPublicityAsync("周志强");
        Browser.Width(1280);
        await OpenUntilShownAsync($"/publicity/{id}", name);
        Browser.Follow(Browser.Driver.FindElement(By.LinkText("提出异议")));
        Browser.Fill("#content", "据了解，所述事迹与事实不符，请核查。");
        Browser.Fill("#name", "刘洋");
        Browser.Fill("#phone", "13900001111");
        Browser.Follow("form button[type=submit]");
        Assert.Equal("异议已受理", Browser.Find(".outcome h2").Text);
        Assert.Matches("^[0-9A-F]{32}$", Browser.Find(".reference").Text);
        AssertReadable("objection filed");
        await OpenUntilShownAsync($"/publicity/{id}", "异议处理中");
    }

    [Fact]
    public async Task A_listed_company_and_a_listed_person_are_found_with_the_lawful_fields_and_the_person_masked()
    {
        Browser.Width(360);
        Open("/credit/query");
        Browser.Fill("#identifier", UnifiedSocialCreditCode.WithCheck("92330727MA2D8K1L0"));
        Browser.Follow("form button[type=submit]");
        Assert.Contains("城关康宁诊所", Browser.Text);
        Assert.Contains("失信黑名单", Browser.Text);
        AssertReadable("company found");

        // A person black-listed now, through the credit office's API (no statement period on the test stack).
        using var admin = await stack.ClientAsync("civility-admin");
        var idNumber = TestIdentities.CitizenId();
        var today = stack.Clock.CountyToday();
        var person = (await AdminPostAsync(admin, "/api/credit/subjects/people", new { idNumber, name = "孙立群" }))
            .GetProperty("id").GetGuid();
        var entry = (await AdminPostAsync(admin, "/api/credit/entries", new
        {
            subjectId = person, listType = "black", tier = "general", law = "《医疗机构管理条例》", article = "第四十六条",
            facts = "非法行医，经责令改正拒不改正。",
            decisionNumber = $"卫医罚〔{today.Year}〕{Random.Shared.Next(100, 999)}号",
            decidingDepartment = "县卫生健康局", listingDate = today, publishedFrom = today, publishedUntil = today.AddMonths(6),
        })).GetProperty("id").GetGuid();
        await AdminPostAsync(admin, $"/api/credit/entries/{entry}/notify", new { reason = "已书面告知" });
        await AdminPostAsync(admin, $"/api/credit/entries/{entry}/activate", new { reason = "未提出陈述申辩" });

        Open("/credit/query");
        Browser.Fill("#identifier", idNumber);
        Browser.Follow("form button[type=submit]");
        Assert.Contains("孙立群", Browser.Text);
        Assert.Contains(CitizenIdNumber.Mask(idNumber), Browser.Text);
        Assert.DoesNotContain(idNumber, Browser.Driver.PageSource);
        Assert.DoesNotContain(idNumber, Browser.Driver.Url);
        AssertReadable("person found");
        Assert.DoesNotContain(idNumber, string.Join("\n", stack.LogLines));

        await OpenUntilShownAsync("/credit?list=black", "孙立群");
    }

    [Fact]
    public async Task The_QR_code_of_a_printed_certificate_opens_the_portal_and_says_genuine()
    {
        using var admin = await stack.ClientAsync("civility-admin");
        var volunteer = (await admin.GetFromJsonAsync<JsonElement>("/api/volunteers?unitCode=DEMO-HOSP&pageSize=1", Json))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        var today = stack.Clock.CountyToday();
        var certificate = await AdminPostAsync(admin, $"/api/volunteers/{volunteer}/certificates", new
        {
            from = today.AddDays(-300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), handler = "李明", contact = "0571-88888888",
        });
        var number = certificate.GetProperty("number").GetString()!;
        var printed = await admin.GetStringAsync($"/api/volunteers/certificates/{number}/print");
        var image = QrImage().Match(printed);
        Assert.True(image.Success, "the printed certificate has a QR code");

        var url = Browser.DecodeQr(image.Groups[1].Value);
        Assert.NotNull(url);
        Assert.Contains($"/certificates/verify?number={number}&code={certificate.GetProperty("checkCode").GetString()}", url);
        Browser.Width(360);
        Browser.Open(new Uri(url));
        Assert.Equal("真实有效", Browser.Find(".outcome h2").Text);
        Assert.Contains(number, Browser.Text);
        Assert.Matches(@"\d{4}\*+\w{4}", Browser.Text);
        AssertReadable("certificate genuine");

        Open($"/certificates/verify?number={number}&code=AAAAAAAA");
        Assert.Equal("未找到", Browser.Find(".outcome h2").Text);
    }

    [Fact]
    public async Task Every_page_fits_a_phone_and_a_desktop_and_has_no_serious_accessibility_violation()
    {
        var (publicity, _) = await NominationInPublicityAsync("何丽娟");
        var commended = (await stack.Gateway.GetFromJsonAsync<JsonElement>("/api/moral-models/public/boards/good-deeds", Json))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        string[] pages =
        [
            "/", "/boards/good-deeds", "/boards/moral", $"/boards/entries/{commended}", "/publicity", $"/publicity/{publicity}",
            $"/publicity/{publicity}/vote", $"/publicity/{publicity}/objection", "/credit", "/credit?list=black&tier=general",
            "/credit/query", "/credit/repair", "/certificates/verify", "/certificates/verify?number=VC0000&code=ABCD", "/no-such-page",
        ];
        var failures = new List<string>();
        foreach (var width in new[] { 360, 1280 })
        {
            Browser.Width(width);
            foreach (var page in pages)
            {
                Open(page);
                if (Browser.ScrollsSideways()) failures.Add($"{page} at {width} px scrolls sideways");
                if (string.IsNullOrWhiteSpace(Browser.Title)) failures.Add($"{page}: no title");
                if (Browser.FindAll("meta[name=description]").Count != 1) failures.Add($"{page}: no description");
                failures.AddRange(Browser.SeriousAccessibilityViolations().Select(v => $"{page} at {width} px: {v}"));
            }
        }
        Assert.Empty(failures);
    }

    [GeneratedRegex("<img id=\"verify-qr\" src=\"(data:image/png;base64,[A-Za-z0-9+/=]+)\"")]
    private static partial Regex QrImage();
}
