using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Civility.Volunteers.Data.Migrations
{
    /// <inheritdoc />
    public partial class Volunteering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "certificate_numbers",
                schema: "volunteers");

            migrationBuilder.CreateSequence(
                name: "volunteer_numbers",
                schema: "volunteers");

            migrationBuilder.CreateTable(
                name: "activities",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    check_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    volunteer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    masked_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    volunteer_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    records = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    issuing_organization = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handler = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_batches",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    imported = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organizing_unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    campaign = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_records",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    service_date = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    content = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    voided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    voided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    void_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    leader_volunteer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_headcounts",
                schema: "volunteers",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_headcounts", x => new { x.unit_id, x.year });
                    table.ForeignKey(
                        name: "fk_unit_headcounts_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "volunteers",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit_year_hours",
                schema: "volunteers",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    approved_hours = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_year_hours", x => new { x.unit_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "volunteers",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    id_number_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id_number_encrypted = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    masked_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    phone_encrypted = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    masked_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_staff_of_unit = table.Column<bool>(type: "boolean", nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    national_volunteer_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_hours = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    stars_announced = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sign_ups",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    promoted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_sign_ups_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "volunteers",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_status_changes",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_status_changes_volunteers_volunteer_id",
                        column: x => x.volunteer_id,
                        principalSchema: "volunteers",
                        principalTable: "volunteers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_unit_code_starts_at",
                schema: "volunteers",
                table: "activities",
                columns: new[] { "unit_code", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_number",
                schema: "volunteers",
                table: "certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_volunteer_id",
                schema: "volunteers",
                table: "certificates",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_projects_organizing_unit_code_category",
                schema: "volunteers",
                table: "projects",
                columns: new[] { "organizing_unit_code", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_service_records_unit_code_status",
                schema: "volunteers",
                table: "service_records",
                columns: new[] { "unit_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_service_records_volunteer_id_service_date",
                schema: "volunteers",
                table: "service_records",
                columns: new[] { "volunteer_id", "service_date" });

            migrationBuilder.CreateIndex(
                name: "ix_service_records_volunteer_id_source_source_reference",
                schema: "volunteers",
                table: "service_records",
                columns: new[] { "volunteer_id", "source", "source_reference" },
                unique: true,
                filter: "source_reference IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sign_ups_activity_id_volunteer_id",
                schema: "volunteers",
                table: "sign_ups",
                columns: new[] { "activity_id", "volunteer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_teams_unit_code_name",
                schema: "volunteers",
                table: "teams",
                columns: new[] { "unit_code", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_status_changes_volunteer_id",
                schema: "volunteers",
                table: "volunteer_status_changes",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_id_number_hash",
                schema: "volunteers",
                table: "volunteers",
                column: "id_number_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_number",
                schema: "volunteers",
                table: "volunteers",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_unit_code_status_is_staff_of_unit",
                schema: "volunteers",
                table: "volunteers",
                columns: new[] { "unit_code", "status", "is_staff_of_unit" });

            // Kept by law: volunteers are deactivated, records voided, certificates stand. The service's own role
            // may never delete them.
            migrationBuilder.Sql(
                "REVOKE DELETE, TRUNCATE ON volunteers.volunteers, volunteers.volunteer_status_changes, " +
                "volunteers.service_records, volunteers.certificates, volunteers.import_batches FROM CURRENT_USER;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificates",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "import_batches",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "projects",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "service_records",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "sign_ups",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "teams",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "unit_headcounts",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "unit_year_hours",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "volunteer_status_changes",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "activities",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "volunteers",
                schema: "volunteers");

            migrationBuilder.DropSequence(
                name: "certificate_numbers",
                schema: "volunteers");

            migrationBuilder.DropSequence(
                name: "volunteer_numbers",
                schema: "volunteers");
        }
    }
}
