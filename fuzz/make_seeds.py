#!/usr/bin/env python3
"""Writes the hand-written seed inputs of the fuzz targets into
fuzz/corpus/<target>/seed-*.  Idempotent: rerun after editing a seed.
The seeds are small and structure-aware: each starts with the flag byte
its target reads (see the target's header comment) and then exercises one
shape of input (a dateline, a passive clause, nested brackets, a verb
block with patterns ...).  libFuzzer grows the corpora from them
(scripts/fuzz); findings are kept beside them as crash-* files."""
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))

NEWS = ('LIMA, March 3 (Reuters) - Chilean President Ana Rojas discussed the border '
        'with her Peruvian counterpart Luis Vega by video link on Tuesday, '
        'the Kremlin said. The ministry accused Ukraine of shelling. "We will '
        'retaliate," he said.')

SEEDS = {
    'treebank': {
        'simple': b'\x05(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))',
        'news': b'\x01(ROOT (S (NP (DT The) (JJ Chilean) (NN president) (NNP Ana) (NNP Rojas))'
                b' (VP (VBD discussed) (NP (NNP Bolivia)) (PP (IN with) (NP (PRP$ her) (JJ Peruvian)'
                b' (NN counterpart))) (PP (IN over) (NP (DT the) (NN phone)))) (. .)))',
        'passive': b'\x02(ROOT (S (NP (NNP Egypt)) (VP (MD will) (RB not) (VP (VB be) (VP (VBN'
                   b' attacked) (PP (IN by) (NP (NNP Israel)))))) (. .)))',
        'reported': b'\x00(ROOT (S (S (NP (NNP Iran)) (VP (VBD accused) (NP (NNP Iraq)))) (, ,)'
                    b' (NP (DT the) (NN ministry)) (VP (VBD said) (SBAR (IN that) (S (NP (PRP'
                    b' they)) (VP (VBD met) (NP (NNS officials)))))) (. .)))',
        'empty-constituent': b'\x00(S (VP (VBD attacked) (NP (VP) (NN x))))',
        'escapes': b'\x04(ROOT (S (NP-SBJ (NNP U.S.) (NNS forces)) (VP (VBD fired) (PP-CLR (IN on)'
                   b' (NP (NNP Tripoli) (-LRB- -LRB-) (NNP Libya) (-RRB- -RRB-)))) (`` ``)'
                   b" (NP (-NONE- *T*-1)) ('' '') (. .)))",
        'deep': b'\x00' + b'(S ' * 600 + b'(NN x)' + b')' * 600,
    },
    'tag': {
        'dateline': b'\x00' + NEWS.encode(),
        'words': b"\x01Egypt 's foreign minister did n't meet Israeli officials , Reuters reported .",
        'nested': b'\x00' + b'(' * 60 + b'x' + b')' * 60 + b' on Tripoli.',
        'bare-run': b'\x00' + b'x ' * 150 + b'on Tripoli.',
        'quotes': b'\x00He said \xe2\x80\x9cthe army \xe2\x80\x98will\xe2\x80\x99 act\xe2\x80\x9d -- '
                  b'and [they] {did} \xe2\x80\x94 U.S. Sen. J. Smith, Jr., Ph.D. left at 5 p.m.',
    },
    'pipeline': {
        'news': b'\x05' + NEWS.encode(),
        'plain': b'\x04Israeli troops killed three Palestinians in Gaza. Egypt condemned the '
                 b'attack and called for talks.',
        'flags': b'\x0b[Islamabad] -- Pakistan and India agreed to resume negotiations; the U.N. '
                 b'Secretary-General welcomed the deal -- officials said (AFP).',
        'coref': b'\x01Turkish Foreign Minister Mevlut Cavusoglu met Iranian officials. He said '
                 b'Ankara would not sanction Tehran. The militants attacked them. They denied it.',
    },
    'dict_verbs': {
        'block': b'--- CONSULT [040] ---\nMEET {MET MEETS MEETING} [040]\n- * WITH + [040]\n'
                 b'- $ AND + * [044]  # comment\n- * {TALKS | NEGOTIATIONS} WITH + [046]\n'
                 b'&CURRENCY\n+DOLLAR\n+EURO_\n\n--- ATTACK [190] ---\nATTACK\nSHELL [195]\n'
                 b'- * (ON +) [190:191]\n- * + &CURRENCY [---]\nCORDON_OFF\n',
        'transform': b'####### VERB PATTERNS #######\n--- SAY [010] ---\nSAY {SAID SAYS}\n'
                     b'- a (a b) [010]\n===== TRANSFORMATIONS =====\n'
                     b'- a (a b c) = (a b c)   [ ]\n- a b = b  [-]\n',
        'forms': b'--- X [---] ---\nGO {WENT GONE GOING GOES}\nCRY\nSTOP\nPANIC\n'
                 b'WIRE_TAP {WIRETAPPED}\n',
    },
    'dict_actors': {
        'actors': b'RUSSIA_ [RUS]\n+RUSSIAN_\n+MOSCOW\nVLADIMIR_PUTIN_\n\t[RUSGOV >20000507]\n'
                  b'\t[RUSELI 19991231-20000507]\n\t[RUS <19991231]\n[[ NATO ]] [IGOWSTNAT]\n'
                  b'UNITED_NATIONS [IGOUNO] # comment\n<!-- x -->\n',
        'synonyms': b'U.S._ [USA]\n+UNITED_STATES\n+AMERICA\nJOHN_SMITH\n+SMITH,_JOHN\n\t[USAGOV]\n',
    },
    'dict_agents': {
        'agents': b'PRESIDENT {PRESIDENTS} [~GOV]\nNGO~ [NGO~]\n!MINST!_OF_DEFENSE [~MIL]\n'
                  b'!MINST! = MINISTER MINISTRY\nPOLICE_ {POLICEMEN} [~COP]\nREBEL_ [~REB]\n',
    },
    'dict_discards': {
        'discards': b'SOCCER_ +\nFOOTBALL_MATCH\nWORLD_CUP +\n# comment\nBASKETBALL\n',
    },
    'dict_issues': {
        'issues': b'ELECTION_ [ELECTIONS]\n~TEAM_ELECTION\n~~SPORT\n<ISSUE>\nOIL [OIL]\n'
                  b'N:GAS [ENERGY]\nV:PROTEST [PROTEST]\n',
    },
    'suite': {
        'records': b'<?xml version="1.0" encoding="UTF-8"?>\n<Sentences>\n<Environment>\n'
                   b'<Verbfile>CAMEO.2.0.txt</Verbfile>\n<Actorfile>Phoenix.Countries.actors.txt'
                   b'</Actorfile>\n<Config option="require_dyad" value="False"/>\n</Environment>\n'
                   b'<Sentence date="20150805" id="AGENTS-01" category="DEMO" place="">\n'
                   b'<EventCoding sourcecode="ARN" targetcode="GON" eventcode="190"/>\n'
                   b'<Text>Arnor attacked Gondor.</Text>\n<Parse>(ROOT (S (NP (NNP Arnor)) (VP'
                   b' (VBD attacked) (NP (NNP Gondor))) (. .)))</Parse>\n</Sentence>\n'
                   b'<Config option="new_actor_length" value="2"/>\n'
                   b'<Sentence date="20150806" id="X-02" sentence="false" noevents="True">\n'
                   b'<Text>Nothing.</Text></Sentence>\n'
                   b'<Sentence id="X-03" error="bad_input_parse"><Text>x</Text>'
                   b'<Parse>(S (</Parse></Sentence>\n</Sentences>\n',
    },
    'consolidate': {
        'merge': b'{"doc_id":"d1","sentence_id":1,"date":"2021-03-04","source":"CHLGOV",'
                 b'"target":"PERGOV","code":"041","doc_source":"Wire","doc_date":"2021-03-04"}\n'
                 b'{"doc_id":"d2","sentence_id":2,"date":"2021-03-05","source":"PER",'
                 b'"target":"CHL","code":"040","modality":"asserted","issues":["TRADE"]}\n'
                 b'{"doc_id":"d3","sentence_id":1,"date":"2021-03","source":"CHL",'
                 b'"target":"PER","code":"04","location":{"country":"PER","name":"Lima",'
                 b'"lat":-12.04,"lon":-77.03,"basis":"text","text":"in Lima"}}\n'
                 b'{"doc_id":"d4","sentence_id":1,"date":"2021","source":"CHL",'
                 b'"target":"PER","code":"0411"}\n',
        'modality': b'{"doc_id":"d1","sentence_id":1,"date":"2022-01-05","source":"PER",'
                    b'"target":"ECU","code":"042","modality":"planned"}\n'
                    b'{"doc_id":"d2","sentence_id":1,"date":"2022-01-05","source":"ECU",'
                    b'"target":"PER","code":"042","modality":"negated"}\n'
                    b'{"doc_id":"d3","sentence_id":4,"date":null,"source":"IGOUNO",'
                    b'"target":null,"code":"010"}\n{bad\n\n[1]\n',
    },
    'eval': {
        'scores': b'\x00s1\tArnor attacked Gondor. Gondor met Rohan.\ns2\tNothing happened.\n%%%\n'
                  b'{"story":"s1","start":0,"end":22,"source":"ARN","target":"GON","code":"190"}\n'
                  b'{"story":"s1","start":23,"end":40,"source":"GON","target":"ROH","code":"040"}\n'
                  b'{"story":"s2"}\n%%%\n'
                  b'{"doc_id":"s1","source":"ARN","target":"GON","code":"193","sentence":'
                  b'"Arnor attacked Gondor."}\n'
                  b'{"story":"s1","source":"GONGOV","target":"ROH","code":"040","start":23,"end":40}\n'
                  b'{"doc_id":"s3","source":"X","target":"Y","code":"9999"}\n{bad\n',
        'igo': b'\x01s1\tThe U.N. criticised Iran.\n%%%\n'
               b'{"story":"s1","start":0,"end":26,"source":"IGOUNO","target":"IRN","code":"111"}\n'
               b'%%%\n{"story":"s1","source":"IGOUNOKOF","target":"IRNGOV","code":"11",'
               b'"sentence":"The U.N. criticised Iran."}\n',
    },
}

JSONL = b'{"id":"a","text":"Arnor attacked Gondor.","date":"2020-06-10"}\n{"id":"b","text":"x"}\n'


def main():
    for target, seeds in SEEDS.items():
        d = os.path.join(HERE, 'corpus', target)
        os.makedirs(d, exist_ok=True)
        for name, data in seeds.items():
            with open(os.path.join(d, 'seed-' + name), 'wb') as f:
                f.write(data)
    # stream: flag byte (bit 0 zstd, bit 1 JSON Lines), then the stream
    # without its magic bytes (the target writes them).  No zstd module
    # in the standard library: the zstd seed is a raw (stored) frame.
    d = os.path.join(HERE, 'corpus', 'stream')
    os.makedirs(d, exist_ok=True)
    gz = gzip.compress(JSONL, mtime=0)
    two = gzip.compress(b'{"id":"c","text":"y"}\n', mtime=0)
    with open(os.path.join(d, 'seed-gzip-jsonl'), 'wb') as f:
        f.write(b'\x02' + gz[2:])
    with open(os.path.join(d, 'seed-gzip-members'), 'wb') as f:
        f.write(b'\x02' + gz[2:] + two)
    with open(os.path.join(d, 'seed-gzip-text'), 'wb') as f:
        f.write(b'\x00' + gzip.compress(b'Arnor attacked Gondor.\n', mtime=0)[2:])
    # zstd frame: magic, frame header (single segment, content size 1
    # byte), one last raw block
    payload = JSONL
    fhd = bytes([0x20])                        # single segment, FCS 1 byte
    block = (len(payload) << 3 | 1).to_bytes(3, 'little')   # last, raw
    with open(os.path.join(d, 'seed-zstd-raw'), 'wb') as f:
        f.write(b'\x03' + fhd + bytes([len(payload)]) + block + payload)


if __name__ == '__main__':
    main()
