# lexicon_gen.cmake -- build step of the text stage: turns the word lists of
# data/lexicon/*.txt into lexicon_builtin.inc, the rows {name, text} that
# lexicon.c compiles in (so the built-in lists need no file at run time).
# Run as
#   cmake -DDIR=data/lexicon -DOUT=lexicon_builtin.inc -P lexicon_gen.cmake
# The text is copied as it is (lexicon.c reads and checks it, and a test
# checks that the built-in lists load without a message); only backslashes,
# double quotes and line ends are escaped for the C string literal.
cmake_minimum_required(VERSION 3.18)

if(NOT DEFINED DIR OR NOT DEFINED OUT)
  message(FATAL_ERROR "lexicon_gen.cmake: pass -DDIR=<folder> -DOUT=<inc>")
endif()

file(GLOB files LIST_DIRECTORIES false "${DIR}/*.txt")
list(SORT files)
set(out "/* Generated from the .txt files of ${DIR} by lexicon_gen.cmake; do not edit. */\n")
string(APPEND out "static const builtin_list S_builtin[] = {\n")
foreach(f IN LISTS files)
  get_filename_component(name "${f}" NAME_WE)
  file(READ "${f}" text)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "\r" "" text "${text}")
  string(REPLACE "\n" "\\n\"\n    \"" text "${text}")
  string(APPEND out "  {\"${name}\",\n    \"${text}\"},\n")
endforeach()
string(APPEND out "  {\"\", \"\"}\n};\n")
file(WRITE "${OUT}" "${out}")
