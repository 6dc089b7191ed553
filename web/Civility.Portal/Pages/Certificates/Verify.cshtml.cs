using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;

namespace Civility.Portal.Pages.Certificates;

/// <summary>
/// Certificate check (证书查验): by number and check code, typed in or carried by the QR code printed on the
/// certificate (this page's address with both). Genuine: the masked fields; anything else: not found.
/// </summary>
public sealed class VerifyModel(VolunteersClient volunteers) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public CertificateCheck? Certificate { get; private set; }

    public bool Checked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Describe("证书查验",
            "查验志愿服务记录证明的真伪：输入证明编号和校验码，或扫描证明上的二维码。");
        ClearBindingErrors();
        if (string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Code)) return;
        var number = Text("Number", Number, 40, "请输入证明编号。");
        var code = Text("Code", Code, 40, "请输入校验码。");
        if (number is not null && !number.All(char.IsAsciiLetterOrDigit)) Error("Number", "证明编号只含字母和数字。");
        if (code is not null && !code.All(char.IsAsciiLetterOrDigit)) Error("Code", "校验码只含字母和数字。");
        if (HasErrors) return;
        Checked = true;
        Certificate = await volunteers.VerifyAsync(number!, code!, ct);
    }
}
