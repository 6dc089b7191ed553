using Civility.Domain.PersonalData;
using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civility.Portal.Pages.Publicity;

/// <summary>
/// Real-name voting (实名投票): name and ID number (and, where the round asks for it, the mobile number and the one-time
/// code sent to it). The ID number goes in the POST body to the service and is never written back into the page.
/// </summary>
public sealed class VoteModel(MoralModelsClient moral) : FormPage
{
    public sealed class VoteForm
    {
        public string? Name { get; set; }

        public string? IdNumber { get; set; }

        public string? Phone { get; set; }

        public string? Code { get; set; }
    }

    [BindProperty]
    public VoteForm Form { get; set; } = new();

    public PublicityNotice Notice { get; private set; } = null!;

    public bool NeedsCode => Notice.VoteVerification == "one-time-code";

    public bool Open => Notice.Voting == "open" && !Notice.Nomination.UnderObjection;

    /// <summary>What the vote came to, said plainly: 已投票, 您已投过票, 投票未开始, 已截止, 号码有误…</summary>
    public string? Outcome { get; private set; }

    public string? OutcomeDetail { get; private set; }

    public bool OutcomeOk { get; private set; }

    public string? CodeMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) SayWhyClosed();
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(Guid id, CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return SayWhyClosed();
        var phone = PhoneNumber.NormalizeMobile(Form.Phone);
        if (phone is null)
        {
            Error("Form.Phone", "请输入11位手机号码（13–19开头）。");
            return Page();
        }
        var answer = await moral.SendVoteCodeAsync(id, phone, ct);
        if (answer.Value is { } sent)
        {
            CodeMessage = $"验证码已发送至 {sent.Phone}，{sent.ValidForSeconds / 60} 分钟内有效。";
            Form.Phone = phone;
        }
        else if (answer.Status == StatusCodes.Status429TooManyRequests) CodeMessage = "获取验证码过于频繁，请稍后再试。";
        else if (answer.Status == StatusCodes.Status503ServiceUnavailable) CodeMessage = "短信暂时无法发送，请稍后再试。";
        else if (answer.Errors.ContainsKey("phone")) Error("Form.Phone", "请输入11位手机号码（13–19开头）。");
        else if (answer.Status == StatusCodes.Status422UnprocessableEntity) await SayRefusalAsync(id, answer.Title, ct);
        else CodeMessage = "暂时无法获取验证码，请稍后再试。";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return SayWhyClosed();
        var name = Text("Form.Name", Form.Name, 100, "请填写您的真实姓名。");
        string? idNumber = null;
        if (CitizenIdNumber.Validate(Form.IdNumber) is null) idNumber = CitizenIdNumber.Normalize(Form.IdNumber!);
        else Error("Form.IdNumber",
            "号码有误：请输入18位居民身份证号码（最后一位可能是X），并核对是否输错。");
        string? phone = null, code = null;
        if (NeedsCode)
        {
            phone = PhoneNumber.NormalizeMobile(Form.Phone);
            if (phone is null) Error("Form.Phone", "请输入接收验证码的11位手机号码。");
            code = Form.Code?.Trim();
            if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit)) Error("Form.Code", "请输入短信中的6位验证码。");
        }
        if (HasErrors)
        {
            if (ErrorFor("Form.IdNumber") is not null) Say(false, "号码有误", "请核对身份证号码后重新投票。");
            return Page();
        }

        var answer = await moral.VoteAsync(id, name!, idNumber!, phone, code, ct);
        Form.IdNumber = null;
        switch (answer.Status)
        {
            case StatusCodes.Status201Created:
                Say(true, "已投票", $"感谢参与！您的投票已于 {Zh.DateTime(answer.Value!.CastAt)} 记录。");
                Form = new VoteForm();
                await LoadAsync(id, ct); // the tally, where the round shows it
                break;
            case StatusCodes.Status409Conflict:
                Say(false, "您已投过票", "每人（每个手机号码）对同一提名限投一票，您的投票此前已记录。");
                break;
            case StatusCodes.Status422UnprocessableEntity:
                await SayRefusalAsync(id, answer.Title, ct);
                break;
            case StatusCodes.Status429TooManyRequests:
                Say(false, "操作过于频繁", "请稍后再试。");
                break;
            case StatusCodes.Status400BadRequest:
                if (answer.Errors.ContainsKey("idNumber"))
                {
                    Error("Form.IdNumber", "号码有误：请核对18位居民身份证号码。");
                    Say(false, "号码有误", "请核对身份证号码后重新投票。");
                }
                if (answer.Errors.ContainsKey("voterName")) Error("Form.Name", "请填写您的真实姓名。");
                if (answer.Errors.ContainsKey("phone"))
                    Error("Form.Phone", "本轮投票需先获取短信验证码：请填写手机号码。");
                if (answer.Errors.ContainsKey("code"))
                    Error("Form.Code", "本轮投票需先获取短信验证码：请填写验证码。");
                break;
            case StatusCodes.Status404NotFound:
                return NotFound();
            default:
                Say(false, "投票未成功", "请稍后再试。");
                break;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await moral.NoticeAsync(id, ct) is not { } notice) return false;
        Notice = notice;
        var n = notice.Nomination;
        Describe($"实名投票：{n.NomineeName}", $"为{n.RoundName}的提名人选{n.NomineeName}实名投票，每人限投一票。");
        return true;
    }

    /// <summary>A refusal of the service (422): the window not open yet, closed, the code wrong, or no votes for this nomination.</summary>
    private async Task SayRefusalAsync(Guid id, string? title, CancellationToken ct)
    {
        if (title?.StartsWith("The code", StringComparison.Ordinal) == true)
        {
            Error("Form.Code", "验证码有误、已过期或已使用，请重新获取。");
            Say(false, "验证码有误", "请重新获取验证码后再投票。");
            return;
        }
        await LoadAsync(id, ct);
        SayWhyClosed();
    }

    private PageResult SayWhyClosed()
    {
        switch (Notice.Voting)
        {
            case "not-open-yet":
                Say(false, "投票未开始", $"投票于 {Zh.DateTime(Notice.VotingOpensAt!.Value)} 开始。");
                break;
            case "closed":
                Say(false, "已截止", "本轮投票已经结束。");
                break;
            case "open":
                Say(false, "暂停投票", "该提名正在处理异议，暂不接受投票。");
                break;
            default:
                Say(false, "不设公众投票", "本轮评选不设公众投票。");
                break;
        }
        return Page();
    }

    private void Say(bool ok, string outcome, string detail)
    {
        OutcomeOk = ok;
        Outcome = outcome;
        OutcomeDetail = detail;
    }
}
