"""Reading delimited text: encodings, delimiters, quoting, header blocks, footers, bad lines."""

from __future__ import annotations

import codecs

import pytest
from test_ingest_support import read_one, values

from dashboard.errors import IssueCode

NORDIC = "navn;by\nÆsa Øvrebø;Ålesund\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (NORDIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + "名前;city\n中文;Łódź\n".encode(), "utf-8-sig"),
        (NORDIC.encode("cp1252"), "cp1252"),
        ("imię;miasto\nŁukasz;Łódź\nZażółć gęślą jaźń;Kraków\n".encode("cp1250"), "cp1250"),
        (codecs.BOM_UTF16_LE + NORDIC.replace(";", "\t").encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + NORDIC.replace(";", "\t").encode("utf-16-be"), "utf-16-be"),
        (NORDIC.replace(";", "\t").encode("utf-16-le"), "utf-16-le"),  # no BOM: NUL pattern
    ],
)
def test_encodings_are_detected_and_transcoded(data: bytes, encoding: str) -> None:
    table = read_one(data)
    assert table.report.encoding == encoding
    text = data.decode(encoding.replace("utf-16-le", "utf-16-le"))
    header = text.lstrip("\ufeff").splitlines()[0]
    assert table.headers == tuple(header.replace("\t", ";").split(";"))
    assert len(table.frame) == text.count("\n") - 1


def test_cp1252_keeps_scandinavian_letters() -> None:
    table = read_one(NORDIC.encode("cp1252"))
    assert values(table) == [["Æsa Øvrebø", "Ålesund"]]


def test_utf8_bom_is_not_part_of_the_first_header() -> None:
    table = read_one(codecs.BOM_UTF8 + "Id,Navn\n1,ł中文\n".encode())
    assert table.headers == ("Id", "Navn") and values(table) == [["1", "ł中文"]]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_each_delimiter_is_sniffed(delimiter: str) -> None:
    rows = [["id", "subject", "status"], ["1", "printer jam", "open"], ["2", "vpn", "solved"]]
    data = "\n".join(delimiter.join(r) for r in rows).encode()
    table = read_one(data)
    assert table.report.delimiter == delimiter and values(table) == rows[1:]


def test_semicolon_with_decimal_commas_picks_semicolon() -> None:
    data = b"Id;Score;Minutes\r\n1;4,5;12,25\r\n2;3,0;7\r\n3;5;1,5\r\n"
    table = read_one(data)
    assert table.report.delimiter == ";"
    assert values(table) == [["1", "4,5", "12,25"], ["2", "3,0", "7"], ["3", "5", "1,5"]]


def test_excel_sep_line_sets_the_delimiter_and_is_skipped() -> None:
    table = read_one(b"sep=;\nA;B\n1,5;2\n")
    assert table.report.delimiter == ";" and table.report.header_line == 2
    assert values(table) == [["1,5", "2"]]


def test_quoted_fields_with_delimiters_quotes_and_newlines_keep_line_numbers() -> None:
    data = b'id,text,n\n1,"a, b",2\n2,"she said ""hi""\nand left\r\nagain",3\n3,plain,4\n'
    table = read_one(data)
    assert values(table) == [
        ["1", "a, b", "2"],
        ["2", 'she said "hi"\nand left\r\nagain', "3"],
        ["3", "plain", "4"],
    ]
    assert table.lines.tolist() == [2, 3, 6]


def test_crlf_blank_lines_and_trailing_blank_lines_are_not_rows() -> None:
    table = read_one(b"a,b\r\n1,2\r\n\r\n3,4\r\n,\r\n\r\n\r\n")
    assert values(table) == [["1", "2"], ["3", "4"]]
    assert table.lines.tolist() == [2, 4] and table.report.rows_read == 2


def test_values_are_stripped_and_empty_cells_are_na() -> None:
    table = read_one(b"a,b,c\n  x ,, \n")
    assert values(table) == [["x", None, None]]


def test_header_only_file_gives_an_empty_table() -> None:
    table = read_one(b"Id,Created,Status\n")
    assert table.frame.empty and list(table.frame.columns) == ["Id", "Created", "Status"]
    assert table.report.rows_read == 0


def test_preamble_lines_are_skipped_and_counted_in_header_line() -> None:
    data = b"Case report\nReport generated 2024-03-01 by Ann\n\nCase,Status\n1,Open\n2,Closed\n"
    table = read_one(data)
    assert table.report.header_line == 4 and table.headers == ("Case", "Status")
    assert table.lines.tolist() == [5, 6] and table.report.rows_read == 2


def test_salesforce_footer_is_excluded_as_footer() -> None:
    data = (
        b'"Case Number","Status"\n"00001","New"\n"00002","Closed"\n\n'
        b'"Grand Totals (2 records)"\n\n"Confidential Information - Do Not Distribute"\n'
        b'"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\n'
    )
    table = read_one(data)
    assert values(table) == [["00001", "New"], ["00002", "Closed"]]
    assert [(i.code, i.line) for i in table.report.issues] == [
        (IssueCode.FOOTER, 5),
        (IssueCode.FOOTER, 7),
        (IssueCode.FOOTER, 8),
    ]
    assert table.report.issues[0].message == (
        "t.csv, line 5: 'Grand Totals (2 records)' is a report footer, not data. "
        "The line was left out."
    )


def test_total_row_in_the_middle_is_data_not_footer() -> None:
    table = read_one(b"Category,Count\nTotal loss,3\nOther,4\n")
    assert len(table.frame) == 2 and not table.report.issues


def test_repeated_header_names_are_made_unique() -> None:
    table = read_one(b"Issue key,Comment,Comment,Comment.1,Comment\nX-1,a,b,c,d\n")
    assert list(table.frame.columns) == [
        "Issue key",
        "Comment",
        "Comment.2",
        "Comment.1",
        "Comment.3",
    ]
    assert table.headers == ("Issue key", "Comment", "Comment", "Comment.1", "Comment")


def test_repeated_header_line_is_excluded() -> None:
    table = read_one(b"Key,Status\nA-1,Open\nKey,Status\nA-2,Done\n")
    assert values(table) == [["A-1", "Open"], ["A-2", "Done"]]
    (issue,) = table.report.issues
    assert issue.code is IssueCode.REPEATED_HEADER and issue.line == 3


def test_malformed_lines_have_exact_line_numbers_and_wording() -> None:
    data = b'id;a;b\n1;x;y\n2;"multi\nline";z\n3;x;y;extra\n4;q\n5\n6;u;v\n'
    table = read_one(data, "tickets.csv")
    assert values(table) == [
        ["1", "x", "y"],
        ["2", "multi\nline", "z"],
        ["4", "q", None],  # 2 of 3 fields: kept, padded with an empty last cell
        ["6", "u", "v"],
    ]
    assert [(i.code, i.line) for i in table.report.issues] == [
        (IssueCode.MALFORMED_LINE, 5),
        (IssueCode.MALFORMED_LINE, 7),
    ]
    assert table.report.issues[0].message == (
        "tickets.csv, line 5: 4 fields where the header has 3. The line was left out; check "
        'for an unquoted ";" in that line.'
    )
    assert table.report.rows_read == 6
    assert table.lines.tolist() == [2, 3, 6, 8]


def test_short_row_with_most_fields_is_padded() -> None:
    table = read_one(b"a,b,c,d\n1,2,3,4\n5,6,7\n")
    assert values(table) == [["1", "2", "3", "4"], ["5", "6", "7", None]]


def test_record_split_by_unquoted_newline_is_malformed() -> None:
    data = b"id,subject,status,owner\n1,fine,open,ann\n2,broken\nsubject,open,bob\n3,ok,done,cy\n"
    table = read_one(data)
    assert values(table)[1] == ["3", "ok", "done", "cy"]
    assert [i.line for i in table.report.issues] == [3, 4]
    assert "cut by a line break" in table.report.issues[0].message


def test_trailing_delimiter_on_data_rows_is_tolerated() -> None:
    table = read_one(b"a,b\n1,2,\n3,4,\n")
    assert table.headers == ("a", "b") and values(table) == [["1", "2"], ["3", "4"]]


def test_blank_header_cells_are_named_and_empty_unnamed_columns_dropped() -> None:
    table = read_one(b"a,,c,\n1,x,3,\n")
    assert list(table.frame.columns) == ["a", "Column 2", "c"]
    assert table.headers == ("a", "", "c")


def test_qualtrics_three_header_rows() -> None:
    data = (
        b"StartDate,ResponseId,Q1,Q2_NPS_GROUP\n"
        b'Start Date,Response ID,"How satisfied were you?",Q2 - Group\n'
        b'"{""ImportId"":""startDate"",""timeZone"":""Europe/Oslo""}","{""ImportId"":'
        b'""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_NPS_GROUP""}"\n'
        b"2024-03-01 10:00:00,R_1,5,3\n"
    )
    table = read_one(data)
    assert table.report.header_rows == 3 and table.report.header_line == 1
    assert table.headers == ("StartDate", "ResponseId", "Q1", "Q2_NPS_GROUP")
    assert table.header_extra[0][2] == "How satisfied were you?"
    assert table.header_extra[1][0].startswith('{"ImportId":"startDate"')
    assert values(table) == [["2024-03-01 10:00:00", "R_1", "5", "3"]]
    assert table.lines.tolist() == [4]


def test_surveymonkey_two_header_rows_get_usable_names() -> None:
    data = (
        b"Respondent ID,Start Date,How satisfied are you?,Which channels?,,Comments\n"
        b",,Response,Email,Chat,Open-Ended Response\n"
        b"101,03/01/2024,Very satisfied,Email,,Great\n"
    )
    table = read_one(data)
    assert table.report.header_rows == 2
    assert list(table.frame.columns) == [
        "Respondent ID",
        "Start Date",
        "How satisfied are you?",
        "Which channels? - Email",
        "Which channels? - Chat",
        "Comments",
    ]
    assert table.headers[4] == "" and table.header_extra[0][4] == "Chat"
    assert values(table) == [["101", "03/01/2024", "Very satisfied", "Email", None, "Great"]]


def test_single_column_file() -> None:
    table = read_one(b"email\na@x.no\n\nb@y.dk\n")
    assert values(table) == [["a@x.no"], ["b@y.dk"]] and table.lines.tolist() == [2, 4]


def test_old_mac_line_endings() -> None:
    table = read_one(b"a,b\r1,2\r3,4\r")
    assert values(table) == [["1", "2"], ["3", "4"]] and table.lines.tolist() == [2, 3]


def test_no_trailing_newline_and_very_long_field() -> None:
    long = "x" * 3_000_000
    table = read_one(f'a,b\n1,"{long}"'.encode())
    assert table.frame.iloc[0, 1] == long


def test_thousands_of_columns() -> None:
    header = ",".join(f"c{i}" for i in range(3000))
    row = ",".join(str(i) for i in range(3000))
    table = read_one(f"{header}\n{row}\n{row}\n".encode(), compare=False)
    assert table.frame.shape == (2, 3000) and table.frame.iloc[1, 2999] == "2999"


def test_stray_quote_falls_back_to_the_csv_module() -> None:
    data = b'id,item,qty\n1,monitor 24" wide,2\n2,cable,1\n3,"quoted, fine",5\n'
    table = read_one(data)
    assert values(table) == [
        ["1", 'monitor 24" wide', "2"],
        ["2", "cable", "1"],
        ["3", "quoted, fine", "5"],
    ]
    assert table.lines.tolist() == [2, 3, 4]


def _stray_quote_file(rows: int = 400) -> list[str]:
    lines = ["Id,Subject,Email,Created at,Minutes"]
    lines += [f"{900 + i},Subj {i},a{i}@x.no,2024-03-04 10:00:00,30" for i in range(1, rows + 1)]
    return lines


def test_a_quote_never_closed_costs_its_line_not_the_rest_of_the_file() -> None:
    lines = _stray_quote_file()
    lines[5] = lines[5].replace("Subj 5", '"Subj 5')  # line 6 of the file
    table = read_one(("\n".join(lines) + "\n").encode())
    assert table.report.rows_read == 400
    assert len(table.frame) == 399
    (issue,) = [i for i in table.report.issues if i.is_exclusion]
    assert (issue.code, issue.line) == (IssueCode.MALFORMED_LINE, 6)
    assert "never closed" in issue.message
    assert table.lines.tolist() == [n for n in range(2, 402) if n != 6]


def test_a_stray_quote_that_pairs_with_a_later_one_is_cut_back_too() -> None:
    lines = _stray_quote_file()
    lines[5] = lines[5].replace("Subj 5", '"Subj 5')
    lines[300] = lines[300].replace("Subj 300", '"Subj, 300"')  # a real quoted comma later on
    table = read_one(("\n".join(lines) + "\n").encode())
    assert table.report.rows_read == 400
    assert len(table.frame) == 399
    assert "Subj, 300" in table.frame.iloc[:, 1].tolist()


def test_paired_stray_quotes_of_the_right_width_do_not_hide_the_rows_between() -> None:
    lines = _stray_quote_file()
    lines[5] = lines[5].replace("Subj 5", '"Subj 5')  # opens on line 6 ...
    lines[50] = lines[50].replace("Subj 50", 'Subj 50"')  # ... closes on line 51: 5 fields
    table = read_one(("\n".join(lines) + "\n").encode())
    assert table.report.rows_read == 400
    assert len(table.frame) == 399
    (issue,) = [i for i in table.report.issues if i.is_exclusion]
    assert (issue.code, issue.line) == (IssueCode.MALFORMED_LINE, 6)
    assert "never closed" in issue.message
    assert table.lines.tolist() == [n for n in range(2, 402) if n != 6]
    assert 'Subj 50"' in table.frame.iloc[:, 1].tolist()


def test_a_comment_over_several_paragraphs_is_not_taken_for_rows() -> None:
    lines = _stray_quote_file(20)
    comment = "Hi,\nslow, rude, late, and, unhelpful\nwaited 3, 4, 5, 6 days\nBye"
    lines[3] = lines[3].replace("Subj 3", f'"{comment}"')
    table = read_one(("\n".join(lines) + "\n").encode())
    assert (table.report.rows_read, len(table.frame)) == (20, 20)
    assert comment in table.frame.iloc[:, 1].tolist()


def test_a_stray_quote_opening_the_last_value_keeps_the_row() -> None:
    lines = _stray_quote_file()
    lines[7] = lines[7][:-2] + '"30'  # the quote opens the last value of line 8
    table = read_one(("\n".join(lines) + "\n").encode())
    assert (table.report.rows_read, len(table.frame)) == (400, 400)
    assert not [i for i in table.report.issues if i.is_exclusion]


def test_a_real_multi_line_value_is_not_cut() -> None:
    lines = _stray_quote_file(20)
    lines[3] = lines[3].replace("Subj 3", '"Subj 3\nsecond line, with a comma"')
    table = read_one(("\n".join(lines) + "\n").encode())
    assert (table.report.rows_read, len(table.frame)) == (20, 20)
    assert "Subj 3\nsecond line, with a comma" in table.frame.iloc[:, 1].tolist()


def test_report_footers_in_norwegian_and_german_are_footers() -> None:
    data = (
        '"Saksnummer";"Emne"\n"00001";"a"\n"00002";"b"\n\n"Totalsum (2 poster)"\n\n'
        '"Konfidensiell informasjon - Må ikke distribueres"\n'
        '"Copyright (c) 2000-2024 salesforce.com, inc. Med enerett."\n"Gesamtsumme";"2"\n'
    ).encode()
    table = read_one(data)
    assert len(table.frame) == 2
    codes = [i.code for i in table.report.issues if i.is_exclusion]
    assert codes == [IssueCode.FOOTER] * 4


def test_german_and_french_grand_totals_lines_are_footers() -> None:
    """'Gesamtsummen (24 Datensätze)' was reported as a malformed line, with advice to check
    the delimiters (an unseen German Salesforce report)."""
    data = (
        '"Fallnummer","Betreff"\n"00001","a"\n"00002","b"\n\n"Gesamtsummen (2 Datensätze)"\n\n'
        '"Vertrauliche Informationen - Nicht weitergeben"\n'
    ).encode()
    table = read_one(data)
    assert len(table.frame) == 2
    codes = [i.code for i in table.report.issues if i.is_exclusion]
    assert codes == [IssueCode.FOOTER] * 2
    french = '"N°","Sujet"\n"1","a"\n"2","b"\n"Total général (2 enregistrements)"\n'
    french = read_one(french.encode())
    assert [i.code for i in french.report.issues if i.is_exclusion] == [IssueCode.FOOTER]


def test_a_header_with_blank_cells_over_data_stays_the_header() -> None:
    """Group headings are passed over only when the row under them is all distinct names:
    a header with blank cells over a row of text data keeps its place."""
    table = read_one(b"Ticket,Subject,,Agent\nA-1,Hello,x,Bob\nA-2,Hi,y,Ann\n")
    assert table.frame.columns[0] == "Ticket" and len(table.frame) == 2
