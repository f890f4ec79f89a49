// A test suite with the VICS coder loaded once (actors from the shared CAMEO
// dictionary) and a helper coding one sentence as a given speaker state.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "entente/opcode.h"

namespace entente::testing_support {

class OpcodeCoderFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CoderOptions options;
    options.actors_file =
        std::string(ENTENTE_SHARED_DATA) + "/cameo/petrarch2_Phoenix.Countries.actors.txt";
    auto loaded = OpcodeCoder::Load(options);
    if (!loaded.ok()) {
      load_error_ = loaded.status().message();
      return;
    }
    coder_ = new OpcodeCoder(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete coder_;
    coder_ = nullptr;
  }
  void SetUp() override {
    if (coder_ == nullptr) GTEST_SKIP() << "coder unavailable: " << load_error_;
  }

  // Codes `sentence` spoken for the state `iso3`.
  static std::vector<CodedVerb> CodeAs(std::string_view sentence, std::string_view iso3) {
    auto session = coder_->NewSession();
    EXPECT_TRUE(session.ok());
    SpeakerIdentity speaker = coder_->Speaker(iso3);
    std::vector<CodedVerb> verbs;
    TextCoding coding;
    coder_->CodeSentence(*session, "1", NormalizeForCoding(sentence), speaker, &verbs, coding);
    return verbs;
  }

  inline static OpcodeCoder* coder_ = nullptr;
  inline static std::string load_error_;
};

}  // namespace entente::testing_support
