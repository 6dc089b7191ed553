using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Civility.Volunteers.Data;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, built in memory so that the import can encode the next rows while the
/// connection is busy merging the previous ones (Npgsql's importer writes to the connection as it encodes). Only the
/// types the hours import stages; each value is a 32-bit length and the bytes PostgreSQL's receive function reads.
/// </summary>
internal sealed class BinaryCopyBuffer
{
    private static readonly byte[] Signature = [.. "PGCOPY\n"u8, 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private readonly ArrayBufferWriter<byte> _bytes;

    public BinaryCopyBuffer(int capacity)
    {
        _bytes = new ArrayBufferWriter<byte>(capacity);
        _bytes.Write(Signature);
        Int32(0); // flags: no OIDs
        Int32(0); // no header extension
    }

    public int Rows { get; private set; }

    public void StartRow(short columns)
    {
        Int16(columns);
        Rows++;
    }

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
        short[] digits = (whole, fraction) switch
        {
            (0, 0) => [],
            (0, _) => [fraction],
            (_, 0) => [whole],
            _ => [whole, fraction],
        };
        Int32(8 + 2 * digits.Length);
        Int16((short)digits.Length);
        Int16((short)(whole == 0 && fraction != 0 ? -1 : 0)); // weight of the first digit
        Int16(0); // sign: positive
        Int16(2); // display scale
        foreach (var digit in digits) Int16(digit);
    }

    /// <summary>The rows with the end-of-data marker, ready to send as one COPY.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        Int16(-1);
        return _bytes.WrittenMemory;
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
