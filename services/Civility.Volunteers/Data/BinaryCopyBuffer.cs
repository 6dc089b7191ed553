using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Civility.Volunteers.Data;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, encoded into a reusable buffer that is sent to a raw COPY stream in large
/// pieces. Npgsql's typed importer resolves a type handler and crosses an async call for every value, which was
/// nearly half of the service's time staging a million rows; this writes only the few types the hours import stages,
/// each as a 32-bit length and the bytes PostgreSQL's receive function reads.
/// </summary>
internal sealed class BinaryCopyBuffer(int capacity)
{
    private static readonly byte[] Signature = [.. "PGCOPY\n"u8, 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private readonly ArrayBufferWriter<byte> _bytes = new(capacity);

    public int Length => _bytes.WrittenCount;

    public ReadOnlyMemory<byte> Written => _bytes.WrittenMemory;

    /// <summary>Forgets what was written (after it was sent); the buffer is kept.</summary>
    public void Clear() => _bytes.ResetWrittenCount();

    /// <summary>The file header, once before the first row.</summary>
    public void Start()
    {
        _bytes.Write(Signature);
        Int32(0); // flags: no OIDs
        Int32(0); // no header extension
    }

    /// <summary>The end-of-data marker, once after the last row.</summary>
    public void End() => Int16(-1);

    public void StartRow(short columns) => Int16(columns);

    public void Uuid(Guid value)
    {
        Int32(16);
        value.TryWriteBytes(_bytes.GetSpan(16), bigEndian: true, out _);
        _bytes.Advance(16);
    }

    public void Text(string value)
    {
        Int32(Encoding.UTF8.GetByteCount(value));
        Encoding.UTF8.GetBytes(value, _bytes);
    }

    public void Integer(int value)
    {
        Int32(4);
        Int32(value);
    }

    public void Date(DateOnly value)
    {
        Int32(4);
        Int32(value.DayNumber - PostgresEpochDay);
    }

    /// <summary>
    /// A non-negative amount with at most two decimals and under 10,000 (what numeric(6,2) holds), as base-10000
    /// digits: the whole part, then the hundredths as the first fractional digit.
    /// </summary>
    public void Hundredths(decimal value)
    {
        if (value < 0 || value >= 10_000 || decimal.Round(value, 2) != value)
            throw new ArgumentOutOfRangeException(nameof(value), value, "Expected 0 to 9999.99 in hundredths.");
        var hundredths = (int)(value * 100);
        short whole = (short)(hundredths / 100), fraction = (short)(hundredths % 100 * 100);
        var digits = (whole, fraction) switch
        {
            (0, 0) => 0,
            (0, _) or (_, 0) => 1,
            _ => 2,
        };
        Int32(8 + 2 * digits);
        Int16((short)digits);
        Int16((short)(whole == 0 && fraction != 0 ? -1 : 0)); // weight of the first digit
        Int16(0); // sign: positive
        Int16(2); // display scale
        if (whole != 0) Int16(whole);
        if (fraction != 0) Int16(fraction);
    }

    private void Int16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_bytes.GetSpan(2), value);
        _bytes.Advance(2);
    }

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_bytes.GetSpan(4), value);
        _bytes.Advance(4);
    }
}
