using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Civility.CreditList.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListsObjectionsRepairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "display_identifier",
                schema: "credit",
                table: "subjects",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "encrypted_id_number",
                schema: "credit",
                table: "subjects",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Organizations registered before people existed: their code is also what is shown.
            migrationBuilder.Sql("UPDATE credit.subjects SET display_identifier = identifier WHERE kind = 'Organization'");

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "credit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    tier = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    legal_basis_law = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    legal_basis_article = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deciding_department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    listing_date = table.Column<DateOnly>(type: "date", nullable: false),
                    published_from = table.Column<DateOnly>(type: "date", nullable: false),
                    published_until = table.Column<DateOnly>(type: "date", nullable: false),
                    internal_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    statement_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    under_objection = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_entries_subjects_subject_id",
                        column: x => x.subject_id,
                        principalSchema: "credit",
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "entry_transitions",
                schema: "credit",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_transitions", x => x.sequence);
                    table.ForeignKey(
                        name: "fk_entry_transitions_entries_entry_id",
                        column: x => x.entry_id,
                        principalSchema: "credit",
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "objections",
                schema: "credit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    filed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    grounds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decide_by = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_objections_entries_entry_id",
                        column: x => x.entry_id,
                        principalSchema: "credit",
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repair_applications",
                schema: "credit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    query_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applicant = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proof_of_correction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    commitment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decide_by = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repair_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_repair_applications_entries_entry_id",
                        column: x => x.entry_id,
                        principalSchema: "credit",
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entries_source_key",
                schema: "credit",
                table: "entries",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entries_status_published_until",
                schema: "credit",
                table: "entries",
                columns: new[] { "status", "published_until" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_subject_id_status",
                schema: "credit",
                table: "entries",
                columns: new[] { "subject_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_entry_transitions_entry_id",
                schema: "credit",
                table: "entry_transitions",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_objections_entry_id",
                schema: "credit",
                table: "objections",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_objections_status_decide_by",
                schema: "credit",
                table: "objections",
                columns: new[] { "status", "decide_by" });

            migrationBuilder.CreateIndex(
                name: "ix_repair_applications_entry_id_status",
                schema: "credit",
                table: "repair_applications",
                columns: new[] { "entry_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_repair_applications_query_code",
                schema: "credit",
                table: "repair_applications",
                column: "query_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entry_transitions",
                schema: "credit");

            migrationBuilder.DropTable(
                name: "objections",
                schema: "credit");

            migrationBuilder.DropTable(
                name: "repair_applications",
                schema: "credit");

            migrationBuilder.DropTable(
                name: "entries",
                schema: "credit");

            migrationBuilder.DropColumn(
                name: "display_identifier",
                schema: "credit",
                table: "subjects");

            migrationBuilder.DropColumn(
                name: "encrypted_id_number",
                schema: "credit",
                table: "subjects");
        }
    }
}
