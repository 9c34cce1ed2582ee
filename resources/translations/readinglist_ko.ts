<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>PaperTableModel</name>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
