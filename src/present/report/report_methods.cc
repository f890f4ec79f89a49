// Section "Methods and sources": what each dimension measures and whom to
// cite, in a few lines each (the full write-ups are in the repository's
// docs/, which a reader of the file may not have).
#include "entente/military.h"
#include "present/report/html.h"
#include "present/report/sections.h"

namespace entente::report {

Section MethodsSection(ReportContext& ctx) {
  Section s{"methods", "Methods and sources", ""};
  std::string& h = s.html;
  h += "<dl>\n";
  h += "<dt>UN General Assembly votes</dt><dd>Roll-call votes from Voeten, &ldquo;Data and "
       "Analyses of Voting in the United Nations General Assembly&rdquo; (2013; Harvard "
       "Dataverse, CC0), extended to 2020 with the unvotes release and to mid-2024 with a wide "
       "file derived from the same data. Similarity: agreement; Signorino &amp; Ritter's S "
       "(<em>International Studies Quarterly</em> 43(1), 1999); Scott's pi and Cohen's kappa with "
       "quadratic weights (H&auml;ge, <em>Political Analysis</em> 19(3), 2011). Ideal points: a "
       "dynamic ordered probit after Bailey, Strezhnev &amp; Voeten (<em>Journal of Conflict "
       "Resolution</em> 61(2), 2017), standardised per session.</dd>\n";
  h += "<dt>Military alignment</dt><dd>" + Esc(ctx.framework->citation) +
       ". Criteria scored per year from:<ul>\n";
  for (int k = 0; k < kMilitarySourceCount; ++k) {
    const MilitarySourceInfo& info = MilitarySourceDescription(static_cast<MilitarySource>(k));
    h += "<li><code>" + Esc(info.id) + "</code>: " + Esc(info.citation);
    if (info.first_year > 0) {
      h += " (" + std::to_string(info.first_year) + "-" + std::to_string(info.last_year) + ")";
    }
    h += "</li>\n";
  }
  h += "</ul>Counter-evidence: COW militarized interstate disputes (to 2014) and Thompson &amp; "
       "Dreyer's strategic rivalries (to 2010). Facts the datasets lack come from entente's "
       "evidence files, each with its publisher, title, date and URL (listed above under each "
       "criterion).</dd>\n";
  h += "<dt>Leaders' beliefs</dt><dd>Operational code indices (Walker, Schafer &amp; Young's "
       "Verbs in Context System) coded by entente's own pipeline from speeches, compared as a "
       "balance of beliefs (Feng &amp; He, <em>International Affairs</em>); congruence when the "
       "difference on a master belief is under half a standard deviation of the world-leaders "
       "norming group. Speeches: the UN General Debate Corpus (Jankin, Baturo &amp; Dasandi, "
       "CC0; cite Baturo, Dasandi &amp; Mikhaylov 2017).</dd>\n";
  h += "<dt>Countries</dt><dd>Keys resolved through one registry built from the countrycode "
       "table (Arel-Bundock et al.) and the COW state list; the USSR and Russia share COW code "
       "365, Germany follows West Germany (260) before 3 October 1990.</dd>\n";
  h += "<dt>Missing values</dt><dd>Outside a source's coverage a measure is missing: a gap in a "
       "chart, &ldquo;-&rdquo; in a table, an empty cell in the CSV files, never zero.</dd>\n";
  h += "</dl>\n";
  return s;
}

}  // namespace entente::report
