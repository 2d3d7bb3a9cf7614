"""method page (stub)."""

import streamlit as st


def render() -> None:
    st.title("method")


if __name__ == "__main__":
    render()
