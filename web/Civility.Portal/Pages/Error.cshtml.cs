using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civility.Portal.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PortalPage
{
    public int Status { get; private set; }

    public IActionResult OnGet(int? status) => Answer(status);

    public IActionResult OnPost(int? status) => Answer(status);

    private PageResult Answer(int? status)
    {
        Status = status ?? (HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode : 500);
        Response.StatusCode = Status;
        var (title, text) = Status switch
        {
            404 => ("页面不存在", "您要找的页面不存在，或内容已不再公开。"),
            429 => ("操作过于频繁", "您的操作过于频繁，请稍等片刻再试。"),
            400 => ("请求有误", "请求无法处理，请返回重新填写。"),
            _ => ("服务暂时不可用", "系统暂时无法处理您的请求，请稍后再试。"),
        };
        Describe(title, text);
        ViewData["Text"] = text;
        return Page();
    }
}
