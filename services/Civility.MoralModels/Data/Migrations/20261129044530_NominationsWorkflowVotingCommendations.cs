using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Civility.MoralModels.Data.Migrations
{
    /// <inheritdoc />
    public partial class NominationsWorkflowVotingCommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int[]>(
                name: "categories",
                schema: "moral_models",
                table: "selection_rounds",
                type: "integer[]",
                nullable: false,
                // Rounds opened before categories existed select every category.
                defaultValue: new[] { 0, 1, 2, 3 });

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "voting_closes_at",
                schema: "moral_models",
                table: "selection_rounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "voting_opens_at",
                schema: "moral_models",
                table: "selection_rounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "commendations",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nomination_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commendations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_gate_decisions",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    subject_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: true),
                    listing_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    allowed = table.Column<bool>(type: "boolean", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_gate_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_listings",
                schema: "moral_models",
                columns: table => new
                {
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    masked_identifier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    subject_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    published_from = table.Column<DateOnly>(type: "date", nullable: false),
                    published_until = table.Column<DateOnly>(type: "date", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lifted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lift_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_listings", x => x.entry_id);
                });

            migrationBuilder.CreateTable(
                name: "nominations",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    good_person_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    nominee_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    nominee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    id_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    id_encrypted = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    id_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    family_members = table.Column<List<string>>(type: "text[]", nullable: false),
                    family_motto = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    nominee_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    deeds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    nominator_client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    nominator_unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    publicity_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publicity_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resume_to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    suspension_cause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    suspension_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    suspension_listing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    commended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nominations", x => x.id);
                    table.ForeignKey(
                        name: "fk_nominations_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "moral_models",
                        principalTable: "selection_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "round_reviewers",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    declared_unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_round_reviewers", x => x.id);
                    table.ForeignKey(
                        name: "fk_round_reviewers_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "moral_models",
                        principalTable: "selection_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "votes",
                schema: "moral_models",
                columns: table => new
                {
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voter_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cast_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_votes", x => new { x.nomination_id, x.voter_hash });
                });

            migrationBuilder.CreateTable(
                name: "assistance_records",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    handler = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_assistance_records_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalSchema: "moral_models",
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "nomination_supporters",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nomination_supporters", x => x.id);
                    table.ForeignKey(
                        name: "fk_nomination_supporters_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalSchema: "moral_models",
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nomination_transitions",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    listing_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nomination_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_nomination_transitions_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalSchema: "moral_models",
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "objections",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_objections_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalSchema: "moral_models",
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_scores",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_scores_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalSchema: "moral_models",
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_records_nomination_id_date",
                schema: "moral_models",
                table: "assistance_records",
                columns: new[] { "nomination_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_commendations_held_on",
                schema: "moral_models",
                table: "commendations",
                column: "held_on");

            migrationBuilder.CreateIndex(
                name: "ix_credit_gate_decisions_nomination_id",
                schema: "moral_models",
                table: "credit_gate_decisions",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_listings_subject_key_hash",
                schema: "moral_models",
                table: "credit_listings",
                column: "subject_key_hash");

            migrationBuilder.CreateIndex(
                name: "ix_nomination_supporters_nomination_id",
                schema: "moral_models",
                table: "nomination_supporters",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_nomination_transitions_nomination_id",
                schema: "moral_models",
                table: "nomination_transitions",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_id_hash",
                schema: "moral_models",
                table: "nominations",
                column: "id_hash");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_round_id_nominee_key_hash",
                schema: "moral_models",
                table: "nominations",
                columns: new[] { "round_id", "nominee_key_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nominations_status_commended_at",
                schema: "moral_models",
                table: "nominations",
                columns: new[] { "status", "commended_at" });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_unit_code",
                schema: "moral_models",
                table: "nominations",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_objections_nomination_id_status",
                schema: "moral_models",
                table: "objections",
                columns: new[] { "nomination_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_review_scores_nomination_id_reviewer_client_id",
                schema: "moral_models",
                table: "review_scores",
                columns: new[] { "nomination_id", "reviewer_client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_scores_round_id_reviewer_client_id",
                schema: "moral_models",
                table: "review_scores",
                columns: new[] { "round_id", "reviewer_client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_round_reviewers_round_id_client_id",
                schema: "moral_models",
                table: "round_reviewers",
                columns: new[] { "round_id", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_votes_round_id",
                schema: "moral_models",
                table: "votes",
                column: "round_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assistance_records",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "commendations",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "credit_gate_decisions",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "credit_listings",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "nomination_supporters",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "nomination_transitions",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "objections",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "review_scores",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "round_reviewers",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "votes",
                schema: "moral_models");

            migrationBuilder.DropTable(
                name: "nominations",
                schema: "moral_models");

            migrationBuilder.DropColumn(
                name: "categories",
                schema: "moral_models",
                table: "selection_rounds");

            migrationBuilder.DropColumn(
                name: "voting_closes_at",
                schema: "moral_models",
                table: "selection_rounds");

            migrationBuilder.DropColumn(
                name: "voting_opens_at",
                schema: "moral_models",
                table: "selection_rounds");
        }
    }
}
