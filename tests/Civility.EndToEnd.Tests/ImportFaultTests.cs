using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Civility.EndToEnd.Tests;

/// <summary>Bulk imports through the gateway when the upload breaks half-way: all of the file or none of it.</summary>
[Collection(CivilityAppCollection.Name)]
public sealed class ImportFaultTests(CivilityAppFixture fixture)
{
    [Fact]
    public async Task A_volunteer_file_cut_off_half_way_registers_nobody_and_sent_again_whole_registers_everyone_once()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var unit = $"CUT-{TestData.Token()}".ToUpperInvariant();
        (await admin.PostAsJsonAsync("/api/volunteers/units", new { code = unit, name = $"Unit {unit}" })).EnsureSuccessStatusCode();
        var file = new StringBuilder("name,id_number,unit_code,is_staff\n");
        for (var i = 0; i < 700; i++) file.Append($"Volunteer {i},{TestIdentities.CitizenId()},{unit},true\n");
        var bytes = Encoding.UTF8.GetBytes(file.ToString());

        // Streamed (no length, so the gateway forwards it as it comes); about 600 rows arrive, the service has time
        // to register them (past the import's 500-row saves), then the connection breaks.
        var cut = new StreamContent(new BreakingStream(bytes, breakAt: bytes.Length * 6 / 7));
        cut.Headers.ContentType = new("text/csv");
        await Assert.ThrowsAnyAsync<Exception>(() => admin.PostAsync("/api/volunteers/import", cut));
        await Task.Delay(TimeSpan.FromSeconds(2)); // the service notices the aborted request and rolls back
        Assert.Equal(0, await CountAsync(admin, unit));

        using var whole = await admin.PostAsync("/api/volunteers/import", new StringContent(file.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(700, (await whole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(700, await CountAsync(admin, unit));
    }

    private static async Task<long> CountAsync(HttpClient admin, string unit) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/volunteers?unitCode={unit}&pageSize=1")).GetProperty("total").GetInt64();

    /// <summary>A request body that stalls, then fails with an I/O error part of the way through, as a dropped connection does.</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAt) : Stream
    {
        private int _position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= breakAt)
            {
                await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
                throw new IOException("The connection was reset.");
            }
            var n = Math.Min(Math.Min(buffer.Length, 4096), breakAt - _position);
            bytes.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
