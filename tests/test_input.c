/*
 * test_input.c -- the document readers: plain text, directories, JSON
 * Lines, PETRARCH XML, gzip and zstd, stdin-style sniffing, and every kind
 * of bad input: each is reported once with file and line or byte offset,
 * and every good document around it is still read.
 */
#include "testutil.h"

#include <zlib.h>
#include <zstd.h>

#define MAXDOCS 512

typedef struct result {
    int ndocs, nerr;
    char ids[MAXDOCS][64];
    char texts[MAXDOCS][128];
    char dates[MAXDOCS][16];
    char errs[16][600];
    dyad_status st[MAXDOCS];
    char warn[600];
} result;

static result R;

static void S_read(const char **paths, int n, const dyad_reader_options *o)
{
    memset(&R, 0, sizeof R);
    dyad_reader *r;
    assert_int_equal(dyad_reader_new(&r, o), DYAD_OK);
    for (int i = 0; i < n; i++) assert_int_equal(dyad_reader_add(r, paths[i]), DYAD_OK);
    const dyad_doc *d;
    dyad_status st;
    int guard = 0;
    while ((st = dyad_reader_next(r, &d)) != DYAD_EOF) {
        assert_true(++guard < 1000);
        if (st != DYAD_OK) {
            assert_null(d);
            assert_true(R.nerr < 16);
            R.st[R.nerr] = st;
            snprintf(R.errs[R.nerr++], 600, "%s", dyad_reader_errmsg(r));
            continue;
        }
        assert_true(R.ndocs < MAXDOCS);
        assert_int_equal(strlen(d->text), d->len);
        snprintf(R.ids[R.ndocs], 64, "%s", d->id);
        snprintf(R.texts[R.ndocs], 128, "%s", d->text);
        snprintf(R.dates[R.ndocs], 16, "%s", d->date ? d->date : "-");
        if (dyad_reader_warning(r)) snprintf(R.warn, 600, "%s", dyad_reader_warning(r));
        R.ndocs++;
    }
    dyad_reader_free(r);
}

static void S_read1(const char *path) { S_read(&path, 1, NULL); }

static void test_jsonl_mixed_good_and_bad(void **state)
{
    (void)state;
    const char data[] =
        "{\"id\": \"a\", \"text\": \"First story.\", \"date\": \"2020-06-10\", \"source\": \"TASS\"}\n"
        "{\"id\": \"b\", \"text\": \"broken\"\n"                     /* line 2: malformed */
        "\n"                                                          /* blank: ignored */
        "{\"text\": \"No id here.\", \"extra\": [1, 2, {\"x\": null}]}\n" /* line 4 */
        "[1, 2]\n"                                                    /* line 5: not object */
        "{\"id\": \"c\"}\n"                                           /* line 6: no text */
        "{\"id\": 7, \"text\": \"Numeric id.\", \"published\": \"2025-03-14 20:30:26Z\"}\n"
        "{\"id\": \"d\", \"text\": \"bad \xff byte\"}\n"              /* line 8: bad UTF-8 */
        "{\"id\": \"e\", \"text\": \"Bad date kept.\", \"date\": \"June 5\"}\n"
        "{\"id\": \"f\", \"text\": \"Last line without newline.\"}";
    const char *p = tmp_file(".jsonl", data, sizeof data - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 5);
    assert_string_equal(R.ids[0], "a");
    assert_string_equal(R.dates[0], "2020-06-10");
    assert_true(strstr(R.ids[1], ":4") != NULL);           /* derived from the line */
    assert_string_equal(R.ids[2], "7");
    assert_string_equal(R.dates[2], "2025-03-14");
    assert_string_equal(R.ids[3], "e");
    assert_string_equal(R.dates[3], "-");
    assert_string_equal(R.texts[4], "Last line without newline.");
    assert_int_equal(R.nerr, 4);
    const int lines[] = {2, 5, 6, 8};
    for (int i = 0; i < 4; i++) {
        char want[600];
        snprintf(want, sizeof want, "%s:%d:", p, lines[i]);
        assert_non_null(strstr(R.errs[i], want));
    }
    assert_int_equal(R.st[0], DYAD_EJSON);
    assert_int_equal(R.st[1], DYAD_EFORMAT);
    assert_int_equal(R.st[2], DYAD_EFORMAT);
    assert_int_equal(R.st[3], DYAD_EJSON);
}

/* Numbers jansson refuses (past the double range, integers past int64)
 * never cost a line: in fields dyad ignores they are dropped quietly; in
 * a field dyad reads the document is kept with a warning. */
static void test_jsonl_out_of_range_numbers(void **state)
{
    (void)state;
    const char data[] =
        "{\"id\":\"a\",\"text\":\"One.\",\"score\":1e400}\n"
        "{\"id\":\"b\",\"text\":\"Two 1e400 \\\" 99999999999999999999999.\","
        "\"n\":[123456789012345678901234567890,{\"x\":-1e999}]}\n"
        "{\"id\":\"c\",\"text\":1e400}\n"
        "{\"id\":\"d\",\"text\":\"Four.\",\"x\":1e-400,\"y\":-9223372036854775808}\n"
        "{\"id\":\"e\",\"text\":\"Five.\",\"x\":1e400,}\n";
    const char *p = tmp_file(".jsonl", data, sizeof data - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 3);
    assert_string_equal(R.ids[0], "a");
    assert_string_equal(R.texts[1], "Two 1e400 \" 99999999999999999999999.");
    assert_string_equal(R.ids[2], "d");
    assert_int_equal(R.warn[0], 0);
    assert_int_equal(R.nerr, 2);
    assert_int_equal(R.st[0], DYAD_EFORMAT);        /* a number is no text */
    assert_non_null(strstr(R.errs[0], ":3: no \"text\" string"));
    assert_int_equal(R.st[1], DYAD_EJSON);          /* a real syntax error */
    assert_non_null(strstr(R.errs[1], ":5: column 36: malformed JSON"));
    /* an id dyad cannot hold: kept under a derived id, with a warning */
    const char big[] = "{\"id\":123456789012345678901234567890,\"text\":\"Big id.\"}\n";
    p = tmp_file(".jsonl", big, sizeof big - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 1);
    assert_int_equal(R.nerr, 0);
    assert_non_null(strstr(R.ids[0], ":1"));
    assert_non_null(strstr(R.warn, ":1: document kept without its \"id\": the number "
                                   "123456789012345678901234567890 is out of range"));
}

/* Lines end at LF, CR LF or a lone CR (an old Mac file): a raw CR is
 * never inside a JSON string, so it can only end a line.  Line numbers
 * in messages count every kind of end, across buffer boundaries. */
static void test_jsonl_line_ends(void **state)
{
    (void)state;
    const char data[] = "{\"id\":\"a\",\"text\":\"One.\"}\r"
                        "{\"id\":\"b\",\"text\":\"Two.\"}\r\n"
                        "{broken\r"
                        "\r"
                        "{\"id\":\"c\",\"text\":\"Three.\"}\n"
                        "{\"id\":\"d\",\"text\":\"Four.\"}\r"
                        "[1]\r";
    const char *p = tmp_file(".jsonl", data, sizeof data - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 4);
    assert_string_equal(R.ids[0], "a");
    assert_string_equal(R.ids[1], "b");
    assert_string_equal(R.ids[2], "c");
    assert_string_equal(R.texts[3], "Four.");
    assert_int_equal(R.nerr, 2);
    assert_non_null(strstr(R.errs[0], ":3: column"));
    assert_non_null(strstr(R.errs[1], ":7: expected a JSON object"));
    /* a CR LF split across the 64 KiB stream buffer is one line end */
    static char big[70000];
    size_t n = 0;
    char pad[240];
    memset(pad, 'p', sizeof pad - 1);
    pad[sizeof pad - 1] = 0;
    while (n < 65536 - 400)     /* about 270 lines: fewer than MAXDOCS */
        n += (size_t)snprintf(big + n, sizeof big - n, "{\"id\":\"x\",\"text\":\"%s\"}\n", pad);
    size_t k = 65535 - n - strlen("{\"id\":\"y\",\"text\":\"\"}");
    n += (size_t)snprintf(big + n, sizeof big - n, "{\"id\":\"y\",\"text\":\"");
    memset(big + n, 'E', k);
    n += k;
    n += (size_t)snprintf(big + n, sizeof big - n, "\"}");
    assert_int_equal(n, 65535);
    big[n++] = '\r';                          /* byte 65535, LF at 65536 */
    big[n++] = '\n';
    n += (size_t)snprintf(big + n, sizeof big - n, "{\"id\":\"z\",\"text\":\"After.\"}\n");
    p = tmp_file(".jsonl", big, n);
    S_read1(p);
    assert_int_equal(R.nerr, 0);
    int y = -1;
    for (int i = 0; i < R.ndocs; i++) if (strcmp(R.ids[i], "y") == 0) y = i;
    assert_true(y >= 0);
    assert_string_equal(R.ids[y + 1], "z");
    assert_int_equal(y + 2, R.ndocs);
}

static void test_jsonl_line_too_long(void **state)
{
    (void)state;
    char data[5000];
    int n = snprintf(data, sizeof data, "{\"id\":\"a\",\"text\":\"short\"}\n{\"id\":\"b\",\"text\":\"");
    memset(data + n, 'x', 3000);
    n += 3000;
    n += snprintf(data + n, sizeof data - (size_t)n, "\"}\n{\"id\":\"c\",\"text\":\"after\"}\n");
    const char *p = tmp_file(".jsonl", data, (size_t)n);
    dyad_reader_options o = {DYAD_FORMAT_AUTO, 1000};
    S_read(&p, 1, &o);
    assert_int_equal(R.ndocs, 2);
    assert_string_equal(R.ids[1], "c");
    assert_int_equal(R.nerr, 1);
    assert_int_equal(R.st[0], DYAD_ETOOBIG);
    assert_non_null(strstr(R.errs[0], ":2:"));
}

/* The default document limit is 16 MiB: a longer JSON line is skipped
 * with its file and line, a longer text file with the byte offset, and
 * the inputs after them are still read. */
static void test_document_limit(void **state)
{
    (void)state;
    size_t big = ((size_t)16 << 20) + 100;
    char *data = malloc(big + 200);
    assert_non_null(data);
    size_t n = (size_t)sprintf(data, "{\"id\":\"big\",\"text\":\"");
    memset(data + n, 'x', big);
    n += big;
    n += (size_t)sprintf(data + n, "\"}\n{\"id\":\"after\",\"text\":\"Kept.\"}\n");
    const char *pj = tmp_file(".jsonl", data, n);
    const char *pt = tmp_file(".txt", data + 30, big);
    const char *ps = tmp_file(".txt", "Small story.", 12);
    free(data);
    const char *paths[] = {pj, pt, ps};
    S_read(paths, 3, NULL);
    assert_int_equal(R.ndocs, 2);
    assert_string_equal(R.ids[0], "after");
    assert_string_equal(R.texts[1], "Small story.");
    assert_int_equal(R.nerr, 2);
    assert_int_equal(R.st[0], DYAD_ETOOBIG);
    assert_non_null(strstr(R.errs[0], ":1: line longer than the limit of 16777216 bytes"));
    assert_int_equal(R.st[1], DYAD_ETOOBIG);
    assert_non_null(strstr(R.errs[1], ": byte 16777216: document larger than the limit"));
    unlink(pj);
    unlink(pt);
}

static void test_text_files_and_directories(void **state)
{
    (void)state;
    char dir[256];
    snprintf(dir, sizeof dir, "/tmp/dyad-test-dir-%d", (int)getpid());
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "rm -rf %s && mkdir -p %s/b_sub %s/.hidden && "
             "printf 'Story two.' > %s/b_sub/two.txt && "
             "printf 'Story one.' > %s/a_one.txt && "
             "printf '\\357\\273\\277Story three with BOM.' > %s/c_three.txt && "
             "printf 'bin\\000ary' > %s/d_binary.txt && "
             "printf 'bad \\303\\050 utf8\\nline two' > %s/e_bad.txt && "
             "printf '{\"id\":\"j1\",\"text\":\"From JSONL.\"}\\n' > %s/f.jsonl && "
             "printf 'hidden' > %s/.hidden/x.txt",
             dir, dir, dir, dir, dir, dir, dir, dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    const char *paths[] = {dir, "/nonexistent/dyad/file.txt"};
    S_read(paths, 2, NULL);
    assert_int_equal(R.ndocs, 4);
    assert_string_equal(R.ids[0], "a_one");
    assert_string_equal(R.texts[0], "Story one.");
    assert_string_equal(R.ids[1], "two");          /* b_sub/two.txt, sorted */
    assert_string_equal(R.ids[2], "c_three");
    /* the byte-order mark stays in the text, so offsets count file bytes */
    assert_string_equal(R.texts[2], "\xEF\xBB\xBFStory three with BOM.");
    assert_string_equal(R.ids[3], "j1");
    assert_int_equal(R.nerr, 3);
    assert_int_equal(R.st[0], DYAD_EBINARY);
    assert_non_null(strstr(R.errs[0], "d_binary.txt: byte 3"));
    assert_int_equal(R.st[1], DYAD_EUTF8);
    assert_non_null(strstr(R.errs[1], "e_bad.txt:1: byte 4"));
    assert_int_equal(R.st[2], DYAD_EIO);
    assert_non_null(strstr(R.errs[2], "/nonexistent/dyad/file.txt"));
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* A byte-order mark starting any JSON line (two files with BOMs
 * concatenated) is skipped; in plain text it stays, and the sentence
 * offsets point at the file's own bytes. */
static void test_byte_order_marks(void **state)
{
    (void)state;
    const char j[] = "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"First file.\"}\n"
                     "\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"Second file.\"}\n"
                     "\xEF\xBB\xBF\n"
                     "\xEF\xBB\xBF{\"id\":\"c\",\"text\":\"Third.\"";
    const char *p = tmp_file(".jsonl", j, sizeof j - 1);
    S_read1(p);
    assert_int_equal(R.nerr, 1);                   /* line 4 is cut short */
    assert_non_null(strstr(R.errs[0], ":4: column"));
    assert_int_equal(R.ndocs, 2);
    assert_string_equal(R.ids[1], "b");
    /* plain text: "Russia met Turkey." starts at byte 3 of the file */
    const char t[] = "\xEF\xBB\xBFRussia met Turkey. Iran met Iraq.";
    const char *pt = tmp_file(".txt", t, sizeof t - 1);
    dyad_reader *r;
    dyad_text *tx;
    assert_int_equal(dyad_reader_new(&r, NULL), DYAD_OK);
    assert_int_equal(dyad_text_new(&tx), DYAD_OK);
    assert_int_equal(dyad_reader_add(r, pt), DYAD_OK);
    const dyad_doc *d;
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);
    assert_int_equal(d->len, sizeof t - 1);
    assert_int_equal(dyad_text_analyze(tx, d), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(tx), 2);
    const dyad_sentence *s0 = dyad_text_sentence(tx, 0), *s1 = dyad_text_sentence(tx, 1);
    assert_int_equal(s0->start, 3);
    assert_int_equal(s0->end, 21);
    assert_int_equal(s1->start, 22);
    assert_memory_equal(t + s1->start, "Iran met Iraq.", 14);
    dyad_text_free(tx);
    dyad_reader_free(r);
}

/* The directory walk visits each file and directory once, by device and
 * inode: two links to "." are not followed again and again, a link to a
 * file does not read it twice; a FIFO, a link loop and an unreadable file
 * are each skipped with one message, and never block the walk. */
static void test_directory_walk_hostile(void **state)
{
    (void)state;
    char dir[256], cmd[2048];
    snprintf(dir, sizeof dir, "/tmp/dyad-test-walk-%d", (int)getpid());
    snprintf(cmd, sizeof cmd,
             "rm -rf %s && mkdir -p %s/sub && cd %s && "
             "printf 'Story one.' > a.txt && printf 'Story two.' > sub/b.txt && "
             "ln -s . l1 && ln -s . l2 && ln -s .. sub/up && ln -s a.txt z_link.txt && "
             "ln -s m_loop m_loop && mkfifo n_fifo && "
             "printf 'Secret.' > o_unreadable.txt && chmod 000 o_unreadable.txt",
             dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    char file[300];
    snprintf(file, sizeof file, "%s/a.txt", dir);
    const char *paths[] = {dir, file, dir};
    S_read(paths, 3, NULL);
    int root = geteuid() == 0;        /* root reads a mode-000 file */
    assert_int_equal(R.ndocs, root ? 3 : 2);
    assert_string_equal(R.texts[0], "Story one.");
    int two = 0;
    for (int i = 0; i < R.ndocs; i++) two += strcmp(R.texts[i], "Story two.") == 0;
    assert_int_equal(two, 1);
    assert_int_equal(R.nerr, root ? 2 : 3);
    assert_non_null(strstr(R.errs[0], "m_loop: cannot open"));
    assert_non_null(strstr(R.errs[1], "n_fifo: not a regular file (a FIFO)"));
    if (!root) assert_non_null(strstr(R.errs[2], "o_unreadable.txt: cannot open: Permission"));
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static const char XML[] =
    "<Sentences>\n"
    "<Sentence date=\"20080804\" id=\"S1\" source=\"AFP\" sentence=\"True\">\n"
    "<Text>\nThe stopover came as the US leader\nprepared to attend.\n</Text>\n"
    "<Parse>( (S (NP (DT The) (NN stopover)) (VP (VBD came)) (. .)))</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"2008xx04\" id=\"S2\">\n<Text>Date is bad &amp; kept.</Text>\n</Sentence>\n"
    "<Sentence id=\"S3\">\n<Text>\n\n</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Obama)) (VP (VBD fired) (-LRB- -LRB-) (NN x) (-RRB- -RRB-))))</Parse>\n"
    "</Sentence>\n"
    "<Sentence id=\"S4\"></Sentence>\n"
    "<Sentence id=\"S5\"><Text>Before the error.</Text></Sentence>\n"
    "<Sentence id=\"S6\"><Text>Broken <b></Text></Sentence>\n"
    "<Sentence id=\"S7\"><Text>Never reached.</Text></Sentence>\n"
    "</Sentences>\n";

static void test_petrarch_xml(void **state)
{
    (void)state;
    const char *p = tmp_file(".xml", XML, sizeof XML - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 5);
    assert_string_equal(R.ids[0], "S1");
    assert_string_equal(R.texts[0], "The stopover came as the US leader prepared to attend.");
    assert_string_equal(R.dates[0], "2008-08-04");
    assert_string_equal(R.texts[1], "Date is bad & kept.");
    assert_string_equal(R.dates[1], "-");
    assert_string_equal(R.texts[2], "Obama fired ( x )");    /* from the parse */
    assert_string_equal(R.texts[3], "Before the error.");
    assert_string_equal(R.texts[4], "Never reached.");       /* parsing recovers */
    assert_int_equal(R.nerr, 2);
    assert_int_equal(R.st[0], DYAD_EFORMAT);                 /* S4: no text */
    assert_int_equal(R.st[1], DYAD_EXML);                    /* S6: broken markup */
    char want[600];
    snprintf(want, sizeof want, "%s:20: malformed XML", p);
    assert_non_null(strstr(R.errs[1], want));
    assert_non_null(strstr(R.errs[1], "S6"));
    /* a file cut in the middle of a record keeps the records before it */
    const char *pt = tmp_file(".xml", XML, 400);
    S_read1(pt);
    assert_int_equal(R.ndocs, 2);
    assert_true(R.nerr >= 1);
}

/* Each broken record costs only itself: the file is cut into records
 * first, then each is parsed alone.  Line numbers below are the file's. */
#define ATTR4 " a=\"\" a=\"\" a=\"\" a=\"\""
#define ATTR16 ATTR4 ATTR4 ATTR4 ATTR4
#define ATTR64 ATTR16 ATTR16 ATTR16 ATTR16   /* the most a tag may have */
static const char XML_HOSTILE[] =
    "<?xml version=\"1.0\"?>\n"                                             /* 1 */
    "<!DOCTYPE Sentences [\n"
    "<!-- it's a comment holding <Sentence id=\"no1\"> -->\n"
    "<!ENTITY a \"ha\"> <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"> <!ENTITY w \"<Sentence id='no2'>\">\n"
    "]>\n"                                                                  /* 6 */
    "<Sentences>\n"
    "<!-- <Sentence id=\"no3\"><Text>Commented out.</Text></Sentence> -->\n"
    "<Sentence id=\"A1\"><Text>Chile accused Peru.</Text></Sentence>\n"
    "<Sentence id=\"A2\"><Text>Prices rose 3 < 4 percent.</Text></Sentence>\n" /* 10 */
    "<Sentence id=\"A3\"><Text><![CDATA[Peru </Sentence> <b> rejected it.]]></Text></Sentence>\n"
    "<Sentence id=\"A4\"><Text>Laughs &c; here.</Text></Sentence>\n"        /* 12 */
    "<Sentence id=\"A5\" note=\"a > b\"><Text>Never\nclosed.</Text>\n"     /* 13 */
    "<Sentence id=\"A6\"><Text>Bolivia met Chile.</Text></Sentence>\n"
    "<Sentense id=\"A7\"><Text>Damaged start.</Text></Sentence>\n"         /* 16 */
    "<Sentence id=\"A8\" <Text>Broken tag.</Text></Sentence>\n"             /* 17 */
    "<Sentence id=\"A9\"><Text>Six &amp; &#233;.</Text></Sentence >\n"
    "<Sentence id=\"A10\"><Text>" "0123456789012345678901234567890123456789"
    "0123456789012345678901234567890123456789</Text></Sentence>\n"          /* 19 */
    "<Sentence id=\"A11\"><Text>After the long one.</Text></Sentence>\n"
    "</Sentences>\n"
    "<Sentence id=\"A12\"><Text>Cut";                                       /* 22 */

static void test_petrarch_xml_recovery(void **state)
{
    (void)state;
    const char *p = tmp_file(".xml", XML_HOSTILE, sizeof XML_HOSTILE - 1);
    dyad_reader_options o = {DYAD_FORMAT_AUTO, 100};
    S_read(&p, 1, &o);
    assert_int_equal(R.ndocs, 5);
    assert_string_equal(R.ids[0], "A1");
    assert_string_equal(R.texts[1], "Peru </Sentence> <b> rejected it.");
    assert_string_equal(R.ids[2], "A6");
    assert_string_equal(R.texts[3], "Six & \xc3\xa9.");
    assert_string_equal(R.ids[4], "A11");
    /* one located message per bad record, in file order */
    static const struct { dyad_status st; const char *want; } e[] = {
        {DYAD_EXML, ":10: malformed XML (line 10: StartTag: invalid element name); "
                    "<Sentence id=\"A2\"> at byte "},
        {DYAD_EXML, ":12: malformed XML (line 12: Entity 'c' not defined)"},
        {DYAD_EXML, ":13: malformed XML: no </Sentence> before the next <Sentence> "
                    "(<Sentence id=\"A5\"> at byte "},
        {DYAD_EXML, ":16: malformed XML: </Sentence> at byte "},
        {DYAD_EXML, ":17: malformed XML (line 17: "},
        {DYAD_ETOOBIG, ":19: <Sentence> record at byte "},
        {DYAD_EXML, ":22: malformed XML: the file ends inside this record "
                    "(<Sentence id=\"A12\"> at byte "},
    };
    assert_int_equal(R.nerr, (int)(sizeof e / sizeof e[0]));
    for (size_t i = 0; i < (sizeof e / sizeof e[0]); i++) {
        char want[600];
        snprintf(want, sizeof want, "%s%s", p, e[i].want);
        if (!strstr(R.errs[i], want)) print_error("got: %s\nwant: %s\n", R.errs[i], want);
        assert_non_null(strstr(R.errs[i], want));
        assert_int_equal(R.st[i], e[i].st);
    }
    /* byte offsets name the record's '<' */
    size_t a2 = (size_t)(strstr(XML_HOSTILE, "<Sentence id=\"A2\"") - XML_HOSTILE);
    char want[64];
    snprintf(want, sizeof want, "at byte %zu skipped", a2);
    assert_non_null(strstr(R.errs[0], want));

    /* the same from memory and behind a byte-order mark; a second
     * byte-order mark inside is text outside records */
    static char bom[sizeof XML_HOSTILE + 8] = "\xEF\xBB\xBF";
    memcpy(bom + 3, XML_HOSTILE, sizeof XML_HOSTILE);
    p = tmp_file(".xml", bom, sizeof XML_HOSTILE + 2);
    S_read(&p, 1, &o);
    assert_int_equal(R.ndocs, 5);
    assert_int_equal(R.nerr, 7);
    assert_non_null(strstr(R.errs[0], ":10: malformed XML"));

    /* a tag of more than 64 attributes (libxml2 is quadratic in them) */
    const char wide[] = "<Sentences>\n<Sentence id=\"W1\"><Text>One.</Text></Sentence>\n"
                        "<Sentence id=\"W2\">\n<Text" ATTR64 " b='>'>Wide.</Text></Sentence>\n"
                        "<Sentence id=\"W3\"><Text" ATTR64 ">Two.</Text></Sentence>\n"
                        "</Sentences>\n";
    p = tmp_file(".xml", wide, sizeof wide - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 1);
    assert_int_equal(R.nerr, 2);
    assert_int_equal(R.st[0], DYAD_ELIMIT);
    assert_non_null(strstr(R.errs[0], ":3: <Sentence> record at byte 59 skipped: a tag at "
                                      "line 4 has more than 64 attributes"));
    assert_non_null(strstr(R.errs[1], "Attribute a redefined"));   /* 64: libxml2 */
}

/* The XML declaration's encoding is honoured record by record; UTF-16
 * and files without any record are reported, not read as empty. */
static void test_petrarch_xml_encodings(void **state)
{
    (void)state;
    const char latin[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Sentences>\n"
                         "<Sentence id=\"L1\"><Text>Caf\xe9 owners protested.</Text></Sentence>\n"
                         "</Sentences>\n";
    const char *p = tmp_file(".xml", latin, sizeof latin - 1);
    S_read1(p);
    assert_int_equal(R.nerr, 0);
    assert_int_equal(R.ndocs, 1);
    assert_string_equal(R.texts[0], "Caf\xc3\xa9 owners protested.");
    /* declared UTF-16 but read byte by byte: the label is wrong, ignored */
    const char mislabel[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Sentences>\n"
                            "<Sentence id=\"M1\"><Text>Mislabelled.</Text></Sentence>\n"
                            "</Sentences>\n";
    p = tmp_file(".xml", mislabel, sizeof mislabel - 1);
    S_read1(p);
    assert_int_equal(R.nerr, 0);
    assert_int_equal(R.ndocs, 1);
    assert_string_equal(R.texts[0], "Mislabelled.");
    const char u16[] = "\xFF\xFE<\0S\0";
    p = tmp_file(".xml", u16, sizeof u16 - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 0);
    assert_int_equal(R.nerr, 1);
    assert_non_null(strstr(R.errs[0], ": byte 0: UTF-16 XML is not read"));
    const char text[] = "\nJust words,\nno markup.\n";
    p = tmp_file(".xml", text, sizeof text - 1);
    S_read1(p);
    assert_int_equal(R.nerr, 1);
    assert_non_null(strstr(R.errs[0], ":2: not PETRARCH XML"));
    const char empty[] = "<?xml version=\"1.0\"?>\n<Sentences>\n</Sentences>\n";
    p = tmp_file(".xml", empty, sizeof empty - 1);
    S_read1(p);
    assert_int_equal(R.nerr + R.ndocs, 0);          /* empty, and valid */
    const char unterminated[] = "<Sentences>\n<Sentence id=\"U1\"><Text>One.</Text></Sentence>\n"
                                "<!-- never closed\n<Sentence id=\"U2\"><Text>Two.</Text></Sentence>\n";
    p = tmp_file(".xml", unterminated, sizeof unterminated - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 1);
    assert_int_equal(R.nerr, 1);
    assert_non_null(strstr(R.errs[0], ":3: malformed XML: the file ends inside a comment "
                                      "begun at byte 59"));
}

static char *S_gzip(const char *src, size_t n, size_t *outlen)
{
    static char out[1 << 16];
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)src;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out;
    z.avail_out = sizeof out;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    *outlen = sizeof out - z.avail_out;
    deflateEnd(&z);
    return out;
}

static void test_compressed(void **state)
{
    (void)state;
    char data[20000];
    size_t n = 0;
    for (int i = 0; i < 200; i++)
        n += (size_t)snprintf(data + n, sizeof data - n,
                              "{\"id\":\"d%d\",\"text\":\"Story number %d.\"}\n", i, i);
    size_t zn;
    char *gz = S_gzip(data, n, &zn);
    /* gzip, recognised by magic even with a misleading name */
    const char *p = tmp_file(".jsonl.gz", gz, zn);
    S_read1(p);
    assert_int_equal(R.ndocs, 200);
    assert_int_equal(R.nerr, 0);
    const char *p2 = tmp_file(".data", gz, zn);
    S_read1(p2);
    assert_int_equal(R.ndocs, 200);
    /* truncated gzip: what was decoded is kept, one error with an offset */
    const char *pt = tmp_file(".jsonl.gz", gz, zn / 2);
    S_read1(pt);
    assert_true(R.ndocs > 0 && R.ndocs < 200);
    assert_int_equal(R.nerr, 1);
    assert_int_equal(R.st[0], DYAD_ETRUNC);
    assert_non_null(strstr(R.errs[0], "truncated gzip"));
    /* a gzip member whose only fault is its CRC keeps every line; the
     * error names the file and the byte */
    char crc[1 << 16];
    memcpy(crc, gz, zn);
    crc[zn - 8] ^= 0x5a;                       /* CRC-32 in the trailer */
    const char *pcrc = tmp_file(".jsonl.gz", crc, zn);
    S_read1(pcrc);
    assert_int_equal(R.ndocs, 200);
    assert_int_equal(R.nerr, 1);
    assert_int_equal(R.st[0], DYAD_ETRUNC);
    assert_non_null(strstr(R.errs[0], pcrc));
    assert_non_null(strstr(R.errs[0], "incorrect data check"));
    /* cut inside the trailer: every line was decoded and is kept */
    const char *ptr = tmp_file(".jsonl.gz", gz, zn - 3);
    S_read1(ptr);
    assert_int_equal(R.ndocs, 200);
    assert_int_equal(R.nerr, 1);
    assert_non_null(strstr(R.errs[0], "truncated gzip"));
    /* corrupt gzip body */
    char bad[1 << 16];
    memcpy(bad, gz, zn);
    for (size_t i = 20; i < 60 && i < zn; i++) bad[i] ^= 0x5a;
    const char *pc = tmp_file(".jsonl.gz", bad, zn);
    S_read1(pc);
    assert_true(R.nerr >= 1);
    /* zstd */
    size_t bound = ZSTD_compressBound(n);
    char *zs = malloc(bound);
    size_t zsn = ZSTD_compress(zs, bound, data, n, 3);
    assert_false(ZSTD_isError(zsn));
    const char *pz = tmp_file(".jsonl.zst", zs, zsn);
    S_read1(pz);
    assert_int_equal(R.ndocs, 200);
    assert_int_equal(R.nerr, 0);
    const char *pzt = tmp_file(".jsonl.zst", zs, zsn - 7);
    S_read1(pzt);
    assert_int_equal(R.nerr, 1);
    assert_int_equal(R.st[0], DYAD_ETRUNC);
    assert_non_null(strstr(R.errs[0], "truncated zstd"));
    free(zs);
    /* a decompression bomb (20 MiB of one byte in about 20 KiB) stops at
     * the document limit; the file after it is read */
    {
        size_t bn = (size_t)20 << 20;
        char *bomb = malloc(bn);
        assert_non_null(bomb);
        memset(bomb, 'x', bn);
        z_stream z;
        memset(&z, 0, sizeof z);
        static char zb[1 << 16];
        assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
        z.next_in = (Bytef *)bomb;
        z.avail_in = (uInt)bn;
        z.next_out = (Bytef *)zb;
        z.avail_out = sizeof zb;
        assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
        size_t bz = sizeof zb - z.avail_out;
        deflateEnd(&z);
        free(bomb);
        const char *pb = tmp_file(".txt.gz", zb, bz);
        const char *pg = tmp_file(".txt", "After the bomb.", 15);
        const char *paths[] = {pb, pg};
        S_read(paths, 2, NULL);
        assert_int_equal(R.ndocs, 1);
        assert_string_equal(R.texts[0], "After the bomb.");
        assert_int_equal(R.nerr, 1);
        assert_int_equal(R.st[0], DYAD_ETOOBIG);
        assert_non_null(strstr(R.errs[0], "byte 16777216: document larger than the limit"));
    }
    /* an empty file named .gz */
    const char *pe = tmp_file(".txt.gz", "", 0);
    S_read1(pe);
    assert_int_equal(R.ndocs, 0);
    assert_int_equal(R.nerr, 1);
}

static void test_format_override_and_sniff(void **state)
{
    (void)state;
    const char j[] = "{\"id\":\"x\",\"text\":\"Sniffed as JSON Lines.\"}\n";
    const char *p = tmp_file(".dat", j, sizeof j - 1);
    S_read1(p);
    assert_int_equal(R.ndocs, 1);
    assert_string_equal(R.ids[0], "x");
    /* forced text: the whole file is one document */
    dyad_reader_options o = {DYAD_FORMAT_TEXT, 0};
    S_read(&p, 1, &o);
    assert_int_equal(R.ndocs, 1);
    assert_string_equal(R.texts[0], j);
    dyad_format f;
    assert_int_equal(dyad_format_parse("xml", &f), DYAD_OK);
    assert_int_equal(f, DYAD_FORMAT_PETRXML);
    assert_int_equal(dyad_format_parse("bogus", &f), DYAD_EINVAL);
}

static void test_memory_inputs(void **state)
{
    (void)state;
    static const char j[] = "{\"id\":\"m1\",\"text\":\"From memory.\"}\n{oops\n";
    static const char x[] = "<Sentences><Sentence id=\"x1\"><Text>XML in memory.</Text></Sentence></Sentences>";
    dyad_reader *r;
    assert_int_equal(dyad_reader_new(&r, NULL), DYAD_OK);
    assert_int_equal(dyad_reader_add_memory(r, "body.jsonl", j, sizeof j - 1), DYAD_OK);
    assert_int_equal(dyad_reader_add_memory(r, "request", x, sizeof x - 1), DYAD_OK);
    assert_int_equal(dyad_reader_add_memory(r, "empty", NULL, 0), DYAD_OK);
    assert_int_equal(dyad_reader_add_memory(r, "bad", NULL, 5), DYAD_EINVAL);
    const dyad_doc *d;
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);
    assert_string_equal(d->id, "m1");
    assert_int_equal(dyad_reader_next(r, &d), DYAD_EJSON);
    assert_non_null(strstr(dyad_reader_errmsg(r), "body.jsonl:2:"));
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);     /* sniffed as XML */
    assert_string_equal(d->id, "x1");
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);     /* empty text doc */
    assert_string_equal(d->id, "empty");
    assert_int_equal(d->len, 0);
    assert_int_equal(dyad_reader_next(r, &d), DYAD_EOF);
    dyad_reader_free(r);
}

/* Lines the reader's own scanner takes (flat or nested objects, short
 * escapes, numbers and literals in fields dyad ignores) and lines it
 * leaves to jansson (\u escapes, a field given twice, a number as id, an
 * exponent, errors): each must read as JSON says. */
static void test_jsonl_fast_and_full(void **state)
{
    (void)state;
    static const char j[] =
        " {\"id\":\"a1\", \"meta\":{\"k\":[1,-2.5,true,false,null,{}],\"e\":[]},"
        " \"text\":\"Peru \\\"met\\\" Chile.\\n\\tNorway\\/Oslo\\\\x\\b\\f\\r\","
        " \"date\":\"2021-03-04\"} \r\n"
        "{\"text\":\"Bolivia w\\u00e9pt.\",\"id\":\"a2\",\"published\":\"2020-01-02\"}\n"
        "{\"id\":\"a3\",\"text\":\"first\",\"text\":\"second\"}\n"
        "{\"id\":42,\"text\":\"Numbered.\",\"date\":null,\"published\":\"2019-05-06\"}\n"
        "{\"id\":\"a5\",\"x\":1e3,\"text\":\"Exponent.\",\"source\":\"AP\",\"url\":\"u\","
        "\"title\":\"T\"}\n"
        "{\"id\":\"a6\",\"text\":\"Trailing comma.\",}\n"
        "{\"id\":\"a7\",\"text\":\"Garbage after.\"} x\n"
        "{\"id\":\"a8\",\"x\":01,\"text\":\"Leading zero.\"}\n"
        "{\"id\":\"a9\",\"text\":7}\n";
    dyad_reader *r;
    const dyad_doc *d;
    assert_int_equal(dyad_reader_new(&r, NULL), DYAD_OK);
    assert_int_equal(dyad_reader_add_memory(r, "f.jsonl", j, sizeof j - 1), DYAD_OK);
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);
    assert_string_equal(d->id, "a1");
    assert_string_equal(d->text, "Peru \"met\" Chile.\n\tNorway/Oslo\\x\b\f\r");
    assert_int_equal(d->len, strlen(d->text));
    assert_string_equal(d->date, "2021-03-04");
    assert_null(d->source);
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);
    assert_string_equal(d->id, "a2");
    assert_string_equal(d->text, "Bolivia w\xC3\xA9pt.");
    assert_string_equal(d->date, "2020-01-02");
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);
    assert_string_equal(d->text, "second");                 /* the last one wins */
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);
    assert_string_equal(d->id, "42");
    assert_string_equal(d->date, "2019-05-06");
    assert_int_equal(dyad_reader_next(r, &d), DYAD_OK);
    assert_string_equal(d->id, "a5");
    assert_string_equal(d->source, "AP");
    assert_string_equal(d->url, "u");
    assert_string_equal(d->title, "T");
    assert_null(d->date);
    assert_int_equal(dyad_reader_next(r, &d), DYAD_EJSON);
    assert_non_null(strstr(dyad_reader_errmsg(r), "f.jsonl:6:"));
    assert_int_equal(dyad_reader_next(r, &d), DYAD_EJSON);
    assert_non_null(strstr(dyad_reader_errmsg(r), "f.jsonl:7:"));
    assert_int_equal(dyad_reader_next(r, &d), DYAD_EJSON);
    assert_non_null(strstr(dyad_reader_errmsg(r), "f.jsonl:8:"));
    assert_int_equal(dyad_reader_next(r, &d), DYAD_EFORMAT);
    assert_non_null(strstr(dyad_reader_errmsg(r), "f.jsonl:9: no \"text\" string"));
    assert_int_equal(dyad_reader_next(r, &d), DYAD_EOF);
    dyad_reader_free(r);
}

static void test_seeds_jsonl(void **state)
{
    (void)state;
    if (!shared_present()) {
        print_message("SKIP: ../shared is absent\n");
        test_skip();
    }
    S_read1(shared_path("corpus/seeds/seeds.jsonl"));
    assert_int_equal(R.ndocs, 5);
    assert_int_equal(R.nerr, 0);
    assert_string_equal(R.ids[2], "002_c12eecff19df1dbb");
    assert_string_equal(R.dates[2], "2019-12-10");
    S_read1(shared_path("corpus/seeds"));
    assert_int_equal(R.ndocs, 10);                   /* 5 .txt + 5 JSON lines */
    assert_string_equal(R.ids[0], "000_8e70101314c3b4aa");
    S_read1(shared_path("petrarch2/validation/PETR.UnitTest.records.xml"));
    assert_int_equal(R.nerr, 0);
    assert_true(R.ndocs >= 280 || R.ndocs == MAXDOCS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_mixed_good_and_bad),
        cmocka_unit_test(test_jsonl_out_of_range_numbers),
        cmocka_unit_test(test_jsonl_line_ends),
        cmocka_unit_test(test_jsonl_line_too_long),
        cmocka_unit_test(test_document_limit),
        cmocka_unit_test(test_text_files_and_directories),
        cmocka_unit_test(test_byte_order_marks),
        cmocka_unit_test(test_directory_walk_hostile),
        cmocka_unit_test(test_petrarch_xml),
        cmocka_unit_test(test_petrarch_xml_recovery),
        cmocka_unit_test(test_petrarch_xml_encodings),
        cmocka_unit_test(test_compressed),
        cmocka_unit_test(test_format_override_and_sniff),
        cmocka_unit_test(test_memory_inputs),
        cmocka_unit_test(test_jsonl_fast_and_full),
        cmocka_unit_test(test_seeds_jsonl),
    };
    return test_result(cmocka_run_group_tests(tests, NULL, NULL));
}
