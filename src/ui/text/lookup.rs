//! The lookups on a language's table: names of enum values, and every string at once
//! (for the tests that compare the two languages).

use super::Tr;
use crate::model::{ClusterStatus, Role, Stance, ThemeRoute};

impl Tr {
    pub(crate) fn quadrant(&self, value: crate::charts::Quadrant) -> &'static str {
        let index = crate::charts::Quadrant::ALL
            .iter()
            .position(|q| *q == value)
            .unwrap_or(0);
        self.quadrant_names.get(index).copied().unwrap_or_default()
    }

    pub fn status(&self, value: ClusterStatus) -> &'static str {
        let index = match value {
            ClusterStatus::Active => 0,
            ClusterStatus::Founding => 1,
            ClusterStatus::Stopped => 2,
        };
        self.status_names.get(index).copied().unwrap_or_default()
    }

    pub fn format(&self, value: crate::export::Format) -> &'static str {
        let index = crate::export::Format::ALL
            .iter()
            .position(|f| *f == value)
            .unwrap_or_default();
        self.format_names.get(index).copied().unwrap_or_default()
    }

    pub fn section(&self, value: crate::export::Section) -> &'static str {
        if value == crate::export::Section::Variants {
            // The annex is named in the variants' own table.
            return crate::ui::variants_text::VariantTexts::of_tr(self).annex;
        }
        let index = crate::export::Section::ALL
            .iter()
            .position(|f| *f == value)
            .unwrap_or_default();
        self.section_names.get(index).copied().unwrap_or_default()
    }

    pub fn role(&self, value: Role) -> &'static str {
        let index = match value {
            Role::Primary => 0,
            Role::Complementary => 1,
        };
        self.role_names.get(index).copied().unwrap_or_default()
    }

    pub fn stance(&self, value: Stance) -> &'static str {
        let index = match value {
            Stance::Supports => 0,
            Stance::Conditional => 1,
            Stance::Neutral => 2,
            Stance::Rejects => 3,
            Stance::NotStated => 4,
        };
        self.stance_names.get(index).copied().unwrap_or_default()
    }

    pub fn route(&self, value: ThemeRoute) -> &'static str {
        let index = match value {
            ThemeRoute::NewNetworkCall => 0,
            ThemeRoute::NewSpearheadCluster => 1,
            ThemeRoute::WithinExistingCluster => 2,
        };
        self.route_names.get(index).copied().unwrap_or_default()
    }

    /// Every text of the table, for the tests that check none is empty.
    pub fn all(&self) -> Vec<&'static str> {
        let mut all = vec![
            self.show_more,
            self.toggle_high_contrast,
            self.recovery_title,
            self.recovery_restore,
            self.recovery_discard,
            self.merge,
            self.merge_done,
            self.merge_counts,
            self.conflicts_title,
            self.conflicts_banner,
            self.conflicts_review,
            self.keep_mine,
            self.keep_theirs,
            self.all_mine,
            self.all_theirs,
            self.now_kept,
            self.backup_note,
            self.replace_refused,
            self.replaced_kept,
            self.export,
            self.export_title,
            self.export_format,
            self.export_sections,
            self.export_confidential_note,
            self.export_destination,
            self.export_no_folder,
            self.export_public_where,
            self.export_running,
            self.export_done,
            self.work_lost,
            self.file_busy,
            self.export_start,
            self.export_open,
            self.view_preview,
            self.preview_hint,
            self.scores_hint,
            self.score_letters.0,
            self.score_letters.1,
            self.chart_funded_term,
            self.chart_after_budget,
            self.view_charts,
            self.chart_budget,
            self.chart_timeline,
            self.chart_scores,
            self.chart_consensus,
            self.chart_budget_empty,
            self.chart_reference,
            self.chart_year,
            self.chart_funding,
            self.chart_table_below,
            self.chart_unknown_funding,
            self.chart_numbers,
            self.chart_total,
            self.chart_funded,
            self.chart_term_end,
            self.chart_today,
            self.chart_after,
            self.chart_end_of,
            self.chart_scores_empty,
            self.doc_title,
            self.doc_subject,
            self.doc_minister,
            self.doc_signatory,
            self.doc_author,
            self.doc_number,
            self.doc_date,
            self.doc_public,
            self.doc_confidential,
            self.doc_context,
            self.doc_legal_basis,
            self.doc_cluster_term,
            self.doc_cluster_term_plural,
            self.doc_term_years,
            self.doc_term_basis,
            self.doc_questions,
            self.doc_question,
            self.doc_add_question,
            self.doc_overall,
            self.doc_timing,
            self.doc_closing,
            self.view_document,
            self.not_yet_saved,
            self.menu_file,
            self.menu_edit,
            self.menu_view,
            self.menu_help,
            self.new,
            self.new_empty,
            self.open,
            self.open_typed,
            self.recent,
            self.no_recent,
            self.save,
            self.save_as,
            self.quit,
            self.undo,
            self.redo,
            self.find,
            self.zoom_in,
            self.zoom_out,
            self.zoom_reset,
            self.toggle_dark,
            self.language,
            self.show_warnings,
            self.shortcuts,
            self.add_cluster,
            self.view_matrix,
            self.view_board,
            self.view_scenarios,
            self.view_advice,
            self.view_themes,
            self.untitled,
            self.unsaved,
            self.saved,
            self.no_warnings,
            self.warning_one,
            self.warning_many,
            self.last_saved,
            self.opened,
            self.saved_in,
            self.no_file_dialog,
            self.path,
            self.ok,
            self.cancel,
            self.close,
            self.problem,
            self.unsaved_title,
            self.unsaved_question,
            self.dont_save,
            self.remove_question,
            self.goes_with_it,
            self.undo_hint,
            self.remove,
            self.warnings_title,
            self.cluster,
            self.scenario,
            self.assignment,
            self.body,
            self.theme,
            self.matrix_empty,
            self.under,
            self.not_assigned,
            self.role_primary,
            self.role_complementary,
            self.role_label,
            self.desirability,
            self.feasibility,
            self.desirability_lower,
            self.feasibility_lower,
            self.pros_lower,
            self.cons_lower,
            self.incompatible_lower,
            self.detail_none,
            self.assignments,
            self.no_assignments,
            self.recommendation,
            self.recommendation_for_cluster,
            self.remove_cluster,
            self.name,
            self.domain,
            self.status_label,
            self.start_year,
            self.term_end,
            self.max_funding,
            self.note,
            self.sub_options,
            self.sub_option,
            self.conditions,
            self.arguments_for_cell,
            self.remove_assignment,
            self.yearly_budget,
            self.amount_per_year,
            self.from_year,
            self.to_year,
            self.pros,
            self.cons,
            self.add_pro,
            self.add_con,
            self.pro_text,
            self.con_text,
            self.argument_hint,
            self.weight,
            self.internal,
            self.internal_hint,
            self.move_up,
            self.move_down,
            self.remove_argument,
            self.source,
            self.own_analysis,
            self.all_sources,
            self.filter_by_source,
            self.add_scenario,
            self.new_scenario,
            self.title,
            self.description,
            self.add_sub_option,
            self.new_sub_option,
            self.remove_sub_option,
            self.remove_scenario,
            self.stances,
            self.overview,
            self.legend,
            self.add_body,
            self.new_body,
            self.short_name,
            self.full_name,
            self.received,
            self.invalid_date,
            self.reference,
            self.summary,
            self.stance_per_scenario,
            self.stance_on,
            self.quote,
            self.citation,
            self.citation_page,
            self.citation_paragraph,
            self.citation_words,
            self.citation_body,
            self.citation_none,
            self.themes_proposed,
            self.remove_body,
            self.add_theme,
            self.new_theme,
            self.no_themes,
            self.proposed_by,
            self.route_label,
            self.route_undecided,
            self.host_cluster,
            self.remove_theme,
            self.unassigned,
            self.add_to,
            self.remove_from_scenario,
            self.hits,
            self.new_cluster,
            self.at_time,
            self.date_hint,
            self.invalid_number,
            self.invalid_amount,
            self.date_not_a_day,
            self.score_none,
            self.said_saved,
            self.said_undone,
            self.said_redone,
            self.said_nothing_to_undo,
            self.said_nothing_to_redo,
            self.said_assigned,
            self.said_unassigned,
            self.said_moved,
            self.said_no_further,
            self.said_added,
            self.said_removed,
            self.said_changed,
            self.said_reordered,
            self.said_about,
            self.said_meta_changed,
            self.said_zoom,
            self.said_language,
            self.said_on,
            self.said_off,
            self.said_dark,
            self.autosave_failed,
            self.kind_argument,
            self.kind_rule,
            self.kind_conflict,
            self.kind_document,
            self.kind_workspace,
            self.recovery_question,
            self.recovery_damaged,
            self.recovery_of_file,
            self.recovery_of_untitled,
            self.board_card_hint,
        ];
        all.extend(self.status_names);
        all.extend(self.role_names);
        all.extend(self.format_names);
        all.extend(self.section_names);
        all.extend(self.stance_names);
        all.extend(self.route_names);
        all.extend(self.quadrant_names);
        all.extend(self.extra_keys.iter().flat_map(|(a, b)| [*a, *b]));
        all.extend([self.or_word, self.key_shift, self.key_space]);
        all
    }
}
