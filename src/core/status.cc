#include "entente/status.h"

namespace entente {

int Status::exit_code() const {
  switch (code_) {
    case Code::kOk:
      return 0;
    case Code::kUsage:
      return 1;
    default:
      return 2;
  }
}

}  // namespace entente
