// The leader corpora keep only the leader's own words (issue 5, "Corpus
// mode"), checked on real transcripts of ../shared/data/speeches: a Kremlin
// meeting with a retranslated guest, a Kremlin meeting with officials
// introduced by the site's name cards, and an Australian joint press
// conference where the visiting prime minister is labelled "PM CLARK".
#include "entente/opcode_corpus.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace entente {
namespace {

std::map<std::string, SpeechDoc> ReadDocs(const std::string& corpus,
                                          const std::vector<std::string>& wanted) {
  std::map<std::string, SpeechDoc> docs;
  std::vector<std::string> corpora, notes;
  Status s = ReadCorpus(
      std::string(ENTENTE_SHARED_DATA) + "/speeches/" + corpus,
      [&](SpeechDoc&& doc) -> Status {
        for (const std::string& w : wanted) {
          if (doc.doc == w) docs[w] = std::move(doc);
        }
        return Status::Ok();
      },
      &corpora, &notes);
  EXPECT_TRUE(s.ok()) << s.message();
  return docs;
}

bool Has(const std::string& text, const std::string& words) {
  return text.find(words) != std::string::npos;
}

TEST(OpcodeCorpusTest, KremlinKeepsOnlyThePresidentsTurns) {
  auto docs = ReadDocs("kremlin", {"54102", "51306"});
  ASSERT_EQ(docs.count("54102"), 1u);
  const SpeechDoc& le_pen = docs["54102"];
  EXPECT_EQ(le_pen.speaker, "Vladimir Putin");
  EXPECT_EQ(le_pen.iso3, "RUS");
  EXPECT_TRUE(Has(le_pen.text, "this is not your first time in Moscow"));
  // "Marine Le Pen (retranslated): Thank you, Mr President. As you know, I have long ..."
  EXPECT_FALSE(Has(le_pen.text, "I have long been urging")) << "the guest's words leaked";

  ASSERT_EQ(docs.count("51306"), 1u);
  const std::string& meeting = docs["51306"].text;
  EXPECT_TRUE(Has(meeting, "Nevertheless, remind me of the volume."));
  // "... Space Activities : Mr President, the funding volume there is growing ..."
  EXPECT_FALSE(Has(meeting, "the funding volume there is growing")) << "a name card leaked";
  EXPECT_FALSE(Has(meeting, "we have ten billion rubles planned"));
}

TEST(OpcodeCorpusTest, AustralianTranscriptsKeepOnlyThePrimeMinistersTurns) {
  auto docs = ReadDocs("au_pm", {"15700"});
  ASSERT_EQ(docs.count("15700"), 1u);
  const SpeechDoc& doc = docs["15700"];
  EXPECT_EQ(doc.speaker, "Kevin Rudd");
  EXPECT_TRUE(Has(doc.text, "today's not the day for partisan comments"));
  EXPECT_FALSE(Has(doc.text, "we do not know very much about you")) << "a journalist leaked";
  EXPECT_FALSE(Has(doc.text, "It is just a chance to touch base")) << "PM Clark's turn leaked";
}

}  // namespace
}  // namespace entente
