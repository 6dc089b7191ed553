using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.CreditList.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkingDayCalendarAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "decide_by_count",
                schema: "credit",
                table: "repair_applications",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "credit",
                table: "repair_applications",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "decide_by_count",
                schema: "credit",
                table: "objections",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "credit",
                table: "objections",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "statement_deadline_count",
                schema: "credit",
                table: "entries",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_years",
                schema: "credit",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    notice_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    notice_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notice_published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<string>(type: "jsonb", nullable: false),
                    loaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replacement_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_years", x => x.year);
                });

            foreach (var year in ShippedYears) migrationBuilder.Sql(year.InsertSql());

            // Deadlines counted before: on official years only (anything else was refused), so never provisional. The
            // counts use the periods configured by default then (objections 20, repairs and statements 5 working days).
            migrationBuilder.Sql(DeadlineCountSql("credit.objections", "filed_at", "decide_by", 20));
            migrationBuilder.Sql(DeadlineCountSql("credit.repair_applications", "submitted_at", "decide_by", 5));
            migrationBuilder.Sql("""
                UPDATE credit.entries e SET statement_deadline_count = jsonb_build_object(
                    'countedFrom', to_char((n.at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD'), 'workingDays', 5,
                    'counted', to_char(e.statement_deadline, 'YYYY-MM-DD'),
                    'calendarYears', to_jsonb(ARRAY(SELECT generate_series(extract(year FROM (n.at AT TIME ZONE 'Asia/Shanghai')::date + 1)::int,
                                                                           extract(year FROM e.statement_deadline)::int))),
                    'provisionalYears', '[]'::jsonb)
                FROM (SELECT entry_id, max("at") AS at FROM credit.entry_transitions WHERE action = 'notify' GROUP BY entry_id) n
                WHERE n.entry_id = e.id AND e.statement_deadline IS NOT NULL
                """);
            migrationBuilder.Sql("ALTER TABLE credit.objections ALTER COLUMN decide_by_count SET NOT NULL");
            migrationBuilder.Sql("ALTER TABLE credit.repair_applications ALTER COLUMN decide_by_count SET NOT NULL");
        }

        private static string DeadlineCountSql(string table, string from, string due, int workingDays) => $"""
            UPDATE {table} SET decide_by_count = jsonb_build_object(
                'countedFrom', to_char(({from} AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD'), 'workingDays', {workingDays},
                'counted', to_char({due}, 'YYYY-MM-DD'),
                'calendarYears', to_jsonb(ARRAY(SELECT generate_series(extract(year FROM ({from} AT TIME ZONE 'Asia/Shanghai')::date + 1)::int,
                                                                       extract(year FROM {due})::int))),
                'provisionalYears', '[]'::jsonb)
            """;

        /// <summary>The years shipped as data files before, from the State Council's notices, as they were then.</summary>
        private static readonly ShippedYear[] ShippedYears =
        [
            new(2024, "国办发明电〔2023〕7号", "2023-10-25",
                [("New Year's Day", "2024-01-01", "2024-01-01"), ("Spring Festival", "2024-02-10", "2024-02-17"), ("Qingming", "2024-04-04", "2024-04-06"),
                 ("Labour Day", "2024-05-01", "2024-05-05"), ("Dragon Boat Festival", "2024-06-10", "2024-06-10"),
                 ("Mid-Autumn Festival", "2024-09-15", "2024-09-17"), ("National Day", "2024-10-01", "2024-10-07")],
                ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"]),
            new(2025, "国办发明电〔2024〕12号", "2024-11-12",
                [("New Year's Day", "2025-01-01", "2025-01-01"), ("Spring Festival", "2025-01-28", "2025-02-04"), ("Qingming", "2025-04-04", "2025-04-06"),
                 ("Labour Day", "2025-05-01", "2025-05-05"), ("Dragon Boat Festival", "2025-05-31", "2025-06-02"),
                 ("National Day and Mid-Autumn Festival", "2025-10-01", "2025-10-08")],
                ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]),
            new(2026, "国办发明电〔2025〕7号", "2025-11-04",
                [("New Year's Day", "2026-01-01", "2026-01-03"), ("Spring Festival", "2026-02-15", "2026-02-23"), ("Qingming", "2026-04-04", "2026-04-06"),
                 ("Labour Day", "2026-05-01", "2026-05-05"), ("Dragon Boat Festival", "2026-06-19", "2026-06-21"),
                 ("Mid-Autumn Festival", "2026-09-25", "2026-09-27"), ("National Day", "2026-10-01", "2026-10-07")],
                ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]),
        ];

        /// <summary>A notice as literal data, so that this migration means the same whatever the code becomes.</summary>
        private sealed record ShippedYear(int Year, string Number, string PublishedOn, (string Name, string From, string To)[] Holidays, string[] MakeUpWorkingDays)
        {
            public string InsertSql()
            {
                var days = new List<(DateOnly Date, string Kind, string Name)>();
                foreach (var (name, from, to) in Holidays)
                    for (var day = DateOnly.Parse(from, CultureInfo.InvariantCulture); day <= DateOnly.Parse(to, CultureInfo.InvariantCulture); day = day.AddDays(1))
                        days.Add((day, "holiday", name));
                foreach (var made in MakeUpWorkingDays)
                {
                    var day = DateOnly.Parse(made, CultureInfo.InvariantCulture);
                    var nearest = Holidays.MinBy(h => Math.Min(Math.Abs(DateOnly.Parse(h.From, CultureInfo.InvariantCulture).DayNumber - day.DayNumber),
                        Math.Abs(DateOnly.Parse(h.To, CultureInfo.InvariantCulture).DayNumber - day.DayNumber)));
                    days.Add((day, "make-up-working-day", $"{nearest.Name} (make-up working day)"));
                }
                var json = JsonSerializer.Serialize(days.OrderBy(d => d.Date)
                    .Select(d => new { date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kind = d.Kind, name = d.Name }));
                return $"""
                    INSERT INTO credit.calendar_years (year, notice_number, notice_title, notice_published_on, days, loaded_by, loaded_at)
                    VALUES ({Year}, '{Number}', '国务院办公厅关于{Year}年部分节假日安排的通知', '{PublishedOn}', '{json.Replace("'", "''", StringComparison.Ordinal)}'::jsonb,
                            'shipped', now())
                    """;
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_years",
                schema: "credit");

            migrationBuilder.DropColumn(
                name: "decide_by_count",
                schema: "credit",
                table: "repair_applications");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "credit",
                table: "repair_applications");

            migrationBuilder.DropColumn(
                name: "decide_by_count",
                schema: "credit",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "credit",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "statement_deadline_count",
                schema: "credit",
                table: "entries");
        }
    }
}
