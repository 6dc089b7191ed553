using Civility.Domain.PersonalData;
using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;

namespace Civility.Portal.Pages.Publicity;

/// <summary>
/// An objection (异议) during publicity: its content, the objector's real name and phone (kept encrypted by the service
/// for a reply, never shown); the answer is a reference number. One filed suspends the nomination until it is resolved.
/// </summary>
public sealed class ObjectionModel(MoralModelsClient moral) : FormPage
{
    public sealed class ObjectionForm
    {
        public string? Content { get; set; }

        public string? Name { get; set; }

        public string? Phone { get; set; }
    }

    [BindProperty]
    public ObjectionForm Form { get; set; } = new();

    public PublicityNotice Notice { get; private set; } = null!;

    /// <summary>The objection's reference number, once it was taken.</summary>
    public string? Reference { get; private set; }

    public DateTimeOffset? FiledAt { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(id, ct)) return NotFound();
        var content = Text("Form.Content", Form.Content, 4000, "请写明异议的事实和理由。");
        var name = Text("Form.Name", Form.Name, 100, "请填写您的真实姓名。");
        var phone = PhoneNumber.Normalize(Form.Phone);
        if (phone is null) Error("Form.Phone", "请输入手机号码，或带区号的固定电话（如 0571-88888888）。");
        if (HasErrors) return Page();

        var answer = await moral.ObjectAsync(id, content!, name!, phone!, ct);
        if (answer.Value is { } filed)
        {
            Reference = filed.Id.ToString("N").ToUpperInvariant();
            FiledAt = filed.FiledAt;
            Form = new ObjectionForm();
            return Page();
        }
        Refusal = answer.Status switch
        {
            StatusCodes.Status422UnprocessableEntity => "公示期已结束，不再受理异议。",
            StatusCodes.Status429TooManyRequests => "提交过于频繁，请稍后再试。",
            StatusCodes.Status404NotFound => "该提名已不在公示中。",
            _ => null,
        };
        if (answer.Errors.ContainsKey("content")) Error("Form.Content", "请写明异议的事实和理由（最多4000字）。");
        if (answer.Errors.ContainsKey("contactName")) Error("Form.Name", "请填写您的真实姓名。");
        if (answer.Errors.ContainsKey("contactPhone")) Error("Form.Phone", "请输入手机号码，或带区号的固定电话。");
        if (Refusal is null && !HasErrors) Refusal = "异议未能提交，请稍后再试。";
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await moral.NoticeAsync(id, ct) is not { } notice) return false;
        Notice = notice;
        var n = notice.Nomination;
        Describe($"提出异议：{n.NomineeName}", $"对公示中的提名人选{n.NomineeName}实名提出异议。");
        return true;
    }
}
