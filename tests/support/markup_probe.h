// Test helpers that read the HTML and SVG entente writes: find elements by
// tag and attribute, read their attributes (entities decoded), and check that
// tags are balanced. Deliberately small: entente's own output is regular
// (double-quoted attributes, no comments inside tags), and a reader written
// independently of the writer is what makes the tests worth having.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace entente::testing_support {

struct Element {
  std::string tag;
  std::map<std::string, std::string> attributes;  // entity references decoded
  std::size_t begin = 0;                          // offset of '<'
  std::size_t end = 0;  // offset after the element's closing tag (or '/>')
  std::string inner;    // the raw text between the tags ("" for <x/>)

  std::string Attr(const std::string& name) const {
    auto it = attributes.find(name);
    return it == attributes.end() ? std::string() : it->second;
  }
  bool Has(const std::string& name) const { return attributes.count(name) > 0; }
};

// Decodes &amp; &lt; &gt; &quot; &#39; (all that entente writes).
inline std::string DecodeEntities(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    bool matched = false;
    for (const auto& [name, c] : kEntities) {
      if (text.substr(i, name.size()) == name) {
        out += c;
        i += name.size() - 1;
        matched = true;
        break;
      }
    }
    if (!matched) out += '&';
  }
  return out;
}

// Every element named `tag` in `text` (start tags only, in document order).
inline std::vector<Element> FindElements(std::string_view text, const std::string& tag) {
  std::vector<Element> found;
  const std::string open = "<" + tag;
  for (std::size_t at = text.find(open); at != std::string_view::npos;
       at = text.find(open, at + 1)) {
    const char next = at + open.size() < text.size() ? text[at + open.size()] : '\0';
    if (next != ' ' && next != '>' && next != '/' && next != '\n') continue;
    const std::size_t close = text.find('>', at);
    if (close == std::string_view::npos) break;
    Element e;
    e.tag = tag;
    e.begin = at;
    std::string_view head = text.substr(at + open.size(), close - at - open.size());
    // name="value" pairs.
    for (std::size_t i = 0; i < head.size();) {
      const std::size_t eq = head.find("=\"", i);
      if (eq == std::string_view::npos) break;
      std::size_t name_start = head.find_last_of(" \n", eq);
      name_start = name_start == std::string_view::npos ? 0 : name_start + 1;
      const std::size_t value_end = head.find('"', eq + 2);
      if (value_end == std::string_view::npos) break;
      e.attributes[std::string(head.substr(name_start, eq - name_start))] =
          DecodeEntities(head.substr(eq + 2, value_end - eq - 2));
      i = value_end + 1;
    }
    if (!head.empty() && head.back() == '/') {
      e.end = close + 1;
    } else {
      const std::string end_tag = "</" + tag + ">";
      const std::size_t end = text.find(end_tag, close);
      e.end = end == std::string_view::npos ? close + 1 : end + end_tag.size();
      if (end != std::string_view::npos)
        e.inner = std::string(text.substr(close + 1, end - close - 1));
    }
    found.push_back(std::move(e));
  }
  return found;
}

// Elements named `tag` whose attribute `name` equals `value`.
inline std::vector<Element> FindElements(std::string_view text, const std::string& tag,
                                         const std::string& name, const std::string& value) {
  std::vector<Element> all = FindElements(text, tag), out;
  for (auto& e : all) {
    if (e.Attr(name) == value) out.push_back(std::move(e));
  }
  return out;
}

// The text of an element with markup removed and entities decoded.
inline std::string PlainText(std::string_view markup) {
  std::string out;
  bool in_tag = false;
  for (char c : markup) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      out += c;
  }
  return DecodeEntities(out);
}

// "" when every start tag in `text` has its end tag in the right order
// (void HTML elements and <x/> excepted); otherwise what is wrong.
inline std::string CheckBalanced(std::string_view text) {
  static const std::vector<std::string> kVoid = {"meta", "br", "hr", "img", "link", "input", "col"};
  std::vector<std::string> stack;
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (text.substr(at, 4) == "<!--") {
      at = text.find("-->", at);
      if (at == std::string_view::npos) return "unterminated comment";
      continue;
    }
    if (text.substr(at, 2) == "<!") continue;  // <!DOCTYPE html>
    const std::size_t close = text.find('>', at);
    if (close == std::string_view::npos) return "unterminated tag at " + std::to_string(at);
    std::string_view tag = text.substr(at + 1, close - at - 1);
    if (tag.empty()) return "empty tag at " + std::to_string(at);
    if (tag[0] == '/') {
      std::string name(tag.substr(1));
      if (stack.empty() || stack.back() != name) {
        return "</" + name + "> at " + std::to_string(at) + " closes " +
               (stack.empty() ? std::string("nothing") : "<" + stack.back() + ">");
      }
      stack.pop_back();
      continue;
    }
    if (tag.back() == '/') continue;
    std::string name(tag.substr(0, tag.find_first_of(" \n")));
    bool is_void = false;
    for (const auto& v : kVoid) is_void = is_void || v == name;
    if (!is_void) stack.push_back(name);
    // Raw-text elements: skip to their end tag.
    if (name == "style" || name == "script") {
      const std::size_t end = text.find("</" + name + ">", close);
      if (end == std::string_view::npos) return "unterminated <" + name + ">";
      at = end - 1;
    }
  }
  if (!stack.empty()) return "<" + stack.back() + "> never closed";
  return "";
}

}  // namespace entente::testing_support
