#pragma once

#include "common/expected.h"
#include "term/term.h"

#include <QByteArray>
#include <QByteArrayView>

namespace rs::etf {

// Erlang's external term format, the encoding of .boot files and of term_to_binary/1.

// The bytes OTP 25's term_to_binary(Term) gives (minor version 1, uncompressed): atoms as
// ATOM_EXT when every character is latin-1, otherwise SMALL_ATOM_UTF8_EXT (ATOM_UTF8_EXT past
// 255 bytes); byte lists as STRING_EXT; map pairs in OTP's map key order. Maps of more than 32
// keys are hash-ordered in OTP, so their pairs may come in another order than OTP's.
// `term` must be one Erlang can hold: atoms of at most 255 characters, as every reader ensures.
QByteArray encode(const term::Term &term);

// Decodes one whole term, as binary_to_term/1 does, including compressed terms, the old text
// float format and the atom forms term_to_binary never emits. Refuses, with a finding that names
// the byte offset (counted from 0, as a hex dump shows it): pids, ports, references, funs,
// truncated or trailing data, length fields that exceed the input, repeated map keys, bitstrings
// that are not whole bytes and terms nested deeper than term::MaxNestingDepth.
Expected<term::Term> decode(QByteArrayView bytes);

// The largest uncompressed size a compressed term may declare.
inline constexpr qsizetype MaxUncompressedSize = qsizetype(256) * 1024 * 1024;

} // namespace rs::etf
